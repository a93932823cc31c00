#pragma once
// The base of the results tables (forest, response, best response,
// concordance, PH test): a flat table over one immutable Results. It holds
// the shared ResultsPtr (setResults() resets the model, then the subclass
// rebuilds its rows), answers rowCount/columnCount/data with the usual index
// checks, and dispatches Qt's roles to per-cell hooks, so each subclass says
// only what a cell shows:
//   Qt::DisplayRole        cellText()       the text on screen and in exports
//   ValueRole              cellValue()      the raw value, for sorting and export
//   Qt::TextAlignmentRole  cellAlignment()  first column left, the rest centred
//   Qt::FontRole           cellBold()       bold for header/summary rows
//   Qt::ToolTipRole        cellToolTip()    none unless a subclass has one
//   any other role         cellData()       the subclass's own roles
// Header text stays with each subclass (headerData()).

#include <triallens/analysis/results.h>

#include <QAbstractTableModel>
#include <QString>
#include <QVariant>

#include <optional>

namespace triallens::ui {

class ResultsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // The raw value of a cell (double, qulonglong or QString; invalid when
    // not estimable), so sorting and export never parse display text. The
    // subclasses' own roles start at Qt::UserRole + 1.
    static constexpr int ValueRole = Qt::UserRole;

    explicit ResultsTableModel(QObject* parent = nullptr);

    // Resets the model onto new results (nullptr: empty).
    void setResults(ResultsPtr results);
    const ResultsPtr& results() const { return results_; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const final;
    int columnCount(const QModelIndex& parent = QModelIndex()) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;

protected:
    // Called inside the reset, after results() changed: rebuild any rows kept.
    virtual void rebuild() {}
    virtual int tableRowCount() const = 0;
    virtual int tableColumnCount() const = 0;

    // The hooks below are called only for valid cells.
    virtual QString cellText(int row, int column) const = 0;
    virtual QVariant cellValue(int row, int column) const;
    virtual Qt::Alignment cellAlignment(int row, int column) const;
    virtual bool cellBold(int row, int column) const;
    virtual QString cellToolTip(int row, int column) const;
    virtual QVariant cellData(int row, int column, int role) const;

private:
    ResultsPtr results_;
};

// A number, or an invalid QVariant when there is none (not estimable).
QVariant optional_value(const std::optional<double>& value);

} // namespace triallens::ui
