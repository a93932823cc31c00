#include "triallens/analysis/subject_filter.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

namespace triallens {

FilterError::FilterError(std::size_t column, const std::string& what)
    : std::runtime_error("filter, column " + std::to_string(column) + ": " + what),
      column_(column) {}

namespace {

using Mask = std::vector<std::uint8_t>;

struct Token {
    enum Kind { Name, Text, Number, Operator, Open, Close, Comma, End } kind;
    std::string text;
    std::size_t column; // 1-based
};

std::vector<Token> tokenise(std::string_view source) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < source.size()) {
        const char c = source[i];
        const std::size_t column = i + 1;
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '(' || c == ')' || c == ',') {
            tokens.push_back({c == '('   ? Token::Open
                              : c == ')' ? Token::Close
                                         : Token::Comma,
                              {},
                              column});
            ++i;
        } else if (c == '"' || c == '\'') {
            // A doubled quote inside stands for one (SQL's rule), so any text
            // can be written: 'it''s "x"'. Two adjacent literals were an
            // error before, so no valid expression changes meaning.
            std::string text;
            std::size_t start = i + 1;
            while (true) {
                const std::size_t end = source.find(c, start);
                if (end == std::string_view::npos) {
                    throw FilterError(column, "unterminated text");
                }
                text += source.substr(start, end - start);
                if (end + 1 < source.size() && source[end + 1] == c) {
                    text += c;
                    start = end + 2;
                    continue;
                }
                i = end + 1;
                break;
            }
            tokens.push_back({Token::Text, std::move(text), column});
        } else if (c == '=' || c == '!' || c == '<' || c == '>') {
            std::string op(1, c);
            if (i + 1 < source.size() && source[i + 1] == '=') {
                op += '=';
            }
            if (op == "=" || op == "!") {
                throw FilterError(column, "expected == or !=");
            }
            tokens.push_back({Token::Operator, op, column});
            i += op.size();
        } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.') {
            std::size_t end = i + 1;
            while (end < source.size() &&
                   (std::isalnum(static_cast<unsigned char>(source[end])) || source[end] == '.' ||
                    source[end] == '-' || source[end] == '+')) {
                ++end;
            }
            tokens.push_back({Token::Number, std::string(source.substr(i, end - i)), column});
            i = end;
        } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t end = i + 1;
            while (end < source.size() &&
                   (std::isalnum(static_cast<unsigned char>(source[end])) || source[end] == '_')) {
                ++end;
            }
            tokens.push_back({Token::Name, std::string(source.substr(i, end - i)), column});
            i = end;
        } else {
            throw FilterError(column, std::string("unexpected character '") + c + "'");
        }
    }
    tokens.push_back({Token::End, {}, source.size() + 1});
    return tokens;
}

// Text of the expression quoted in a message, capped so that a long name or
// literal does not fill the terminal.
std::string excerpt(const std::string& text) {
    constexpr std::size_t most = 80;
    return text.size() <= most ? text : text.substr(0, most) + "...";
}

// Recursive descent; each rule returns the mask of the subjects it keeps.
// Only parentheses and `not` recurse (a chain of `and`/`or` terms and an `in`
// list are loops), and each such level counts towards max_filter_depth.
class Parser {
public:
    Parser(const SubjectTable& subjects, std::vector<Token> tokens)
        : subjects_(subjects), tokens_(std::move(tokens)) {}

    Mask parse() {
        Mask mask = disjunction();
        if (peek().kind != Token::End) {
            throw FilterError(peek().column, "unexpected \"" + excerpt(peek().text) + "\"");
        }
        return mask;
    }

private:
    const Token& peek() const { return tokens_[position_]; }
    const Token& take() { return tokens_[position_++]; }
    bool keyword(const char* word) const {
        return peek().kind == Token::Name && peek().text == word;
    }

    // One level of parentheses or `not`, refused past max_filter_depth before
    // it takes a stack frame.
    class Nested {
    public:
        Nested(Parser& parser, std::size_t column) : parser_(parser) {
            if (parser_.depth_ == max_filter_depth) {
                throw FilterError(column, "nested deeper than " + std::to_string(max_filter_depth) +
                                              " levels (parentheses and not)");
            }
            ++parser_.depth_;
        }
        ~Nested() { --parser_.depth_; }
        Nested(const Nested&) = delete;
        Nested& operator=(const Nested&) = delete;

    private:
        Parser& parser_;
    };

    const Token& expect(Token::Kind kind, const char* what) {
        if (peek().kind != kind) {
            throw FilterError(peek().column, std::string("expected ") + what);
        }
        return take();
    }

    Mask disjunction() {
        Mask mask = conjunction();
        while (keyword("or")) {
            take();
            merge(mask, conjunction(), [](std::uint8_t a, std::uint8_t b) { return a | b; });
        }
        return mask;
    }

    Mask conjunction() {
        Mask mask = negation();
        while (keyword("and")) {
            take();
            merge(mask, negation(), [](std::uint8_t a, std::uint8_t b) { return a & b; });
        }
        return mask;
    }

    template <typename Op> static void merge(Mask& mask, const Mask& right, Op op) {
        for (std::size_t i = 0; i < mask.size(); ++i) {
            mask[i] = static_cast<std::uint8_t>(op(mask[i], right[i]));
        }
    }

    Mask negation() {
        if (keyword("not")) {
            const Nested level(*this, take().column);
            Mask mask = negation();
            for (auto& keep : mask) {
                keep = keep ? 0 : 1;
            }
            return mask;
        }
        if (peek().kind == Token::Open) {
            const Nested level(*this, take().column);
            Mask mask = disjunction();
            expect(Token::Close, ")");
            return mask;
        }
        return comparison();
    }

    Mask comparison() {
        const Token& name = expect(Token::Name, "a column name");
        const Variable* variable = subjects_.find(name.text);
        if (variable == nullptr) {
            throw FilterError(name.column,
                              "no column " + excerpt(name.text) + " in the subject-level data");
        }
        if (keyword("is")) {
            // `is missing` is the only test a missing value passes (R's is.na()).
            take();
            const bool negated = keyword("not") && (take(), true);
            if (!keyword("missing")) {
                throw FilterError(peek().column, "expected missing after is");
            }
            take();
            Mask mask(subjects_.size(), 0);
            for (std::size_t i = 0; i < mask.size(); ++i) {
                const bool missing = variable->is_categorical()
                                         ? variable->codes()[i] < 0
                                         : std::isnan(variable->numbers()[i]);
                mask[i] = missing != negated ? 1 : 0;
            }
            return mask;
        }
        if (keyword("in")) {
            take();
            expect(Token::Open, "( after in");
            // An empty list keeps nobody, as x %in% c() in R.
            Mask mask(subjects_.size(), 0);
            if (peek().kind == Token::Close) {
                take();
                return mask;
            }
            do {
                merge(mask, compare(*variable, "==", literal()),
                      [](std::uint8_t a, std::uint8_t b) { return a | b; });
            } while (peek().kind == Token::Comma && (take(), true));
            expect(Token::Close, ")");
            return mask;
        }
        const Token& op = expect(Token::Operator, "a comparison (==, !=, <, <=, >, >=) or in");
        return compare(*variable, op.text, literal());
    }

    const Token& literal() {
        if (peek().kind != Token::Text && peek().kind != Token::Number) {
            throw FilterError(peek().column, "expected a value (\"text\" or a number)");
        }
        return take();
    }

    Mask compare(const Variable& variable, const std::string& op, const Token& value) const {
        Mask mask(subjects_.size(), 0);
        // A numeric factor (ECOGBL coded 0/1/2) compares by its levels'
        // spelling with a text literal naming a level (ECOGBL == "1", as the
        // level filters write it), otherwise as a number.
        const bool as_text =
            variable.is_categorical() &&
            (!variable.is_numeric() || (value.kind == Token::Text && (op == "==" || op == "!=") &&
                                        variable.level_code(value.text)));
        if (as_text) {
            if (op != "==" && op != "!=") {
                throw FilterError(value.column,
                                  op + " needs a numeric column; " + variable.name() + " is text");
            }
            const auto code = variable.level_code(value.text);
            for (std::size_t i = 0; i < mask.size(); ++i) {
                const std::int32_t c = variable.codes()[i];
                mask[i] = c >= 0 && ((op == "==") == (code && c == *code)) ? 1 : 0;
            }
            return mask;
        }
        double number = 0;
        const auto [end, ec] =
            std::from_chars(value.text.data(), value.text.data() + value.text.size(), number);
        if (value.kind != Token::Number || ec != std::errc{} ||
            end != value.text.data() + value.text.size()) {
            throw FilterError(value.column,
                              variable.name() + " is numeric; compare it with a number");
        }
        for (std::size_t i = 0; i < mask.size(); ++i) {
            const double x = variable.numbers()[i];
            const bool keep =
                !std::isnan(x) && ((op == "==" && x == number) || (op == "!=" && x != number) ||
                                   (op == "<" && x < number) || (op == "<=" && x <= number) ||
                                   (op == ">" && x > number) || (op == ">=" && x >= number));
            mask[i] = keep ? 1 : 0;
        }
        return mask;
    }

    const SubjectTable& subjects_;
    std::vector<Token> tokens_;
    std::size_t position_ = 0;
    std::size_t depth_ = 0;
};

} // namespace

std::vector<std::uint8_t> evaluate_filter(const SubjectTable& subjects,
                                          std::string_view expression) {
    if (expression.find_first_not_of(" \t") == std::string_view::npos) {
        return Mask(subjects.size(), 1);
    }
    return Parser(subjects, tokenise(expression)).parse();
}

std::string quote_filter_text(std::string_view text) {
    if (text.find('"') == std::string_view::npos) {
        return "\"" + std::string(text) + "\"";
    }
    if (text.find('\'') == std::string_view::npos) {
        return "'" + std::string(text) + "'";
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

std::string filter_with_level(std::string_view filter, std::string_view variable,
                              std::string_view level) {
    const std::string clause = std::string(variable) + " == " + quote_filter_text(level);
    if (filter.empty()) {
        return clause;
    }
    return "(" + std::string(filter) + ") and " + clause;
}

} // namespace triallens
