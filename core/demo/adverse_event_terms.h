#pragma once
// The MedDRA preferred terms the demo study draws adverse events from, with
// per-arm incidence (any grade) and how often each is treatment-related.
// Rates are typical of an anti-PD-L1 + VEGFR-TKI combination and of weekly
// nab-paclitaxel; they are illustrative, not taken from any trial's tables.

#include <array>

namespace triallens::demo {

struct AdverseEventTerm {
    const char* soc;
    const char* pt;
    std::array<double, 2> incidence;      // any grade: [experimental, control]
    double related;                       // share judged treatment-related
    std::array<double, 2> severe_related; // weight among grade >= 3 related events
    double severe_unrelated;              // chance an unrelated event is grade >= 3
};

inline constexpr const char* hypertension = "Hypertension";
inline constexpr const char* hypertriglyceridaemia = "Hypertriglyceridaemia";

inline constexpr std::array<AdverseEventTerm, 26> adverse_event_terms{{
    {"Vascular disorders", hypertension, {0.62, 0.08}, 0.95, {0, 0}, 0},
    {"Metabolism and nutrition disorders", hypertriglyceridaemia, {0.45, 0.07}, 0.9, {0, 0}, 0},
    {"Metabolism and nutrition disorders", "Hypercholesterolaemia", {0.32, 0.05}, 0.85, {1, 0}, 0},
    {"Metabolism and nutrition disorders", "Decreased appetite", {0.18, 0.16}, 0.7, {1, 1}, 0.02},
    {"Metabolism and nutrition disorders", "Hypokalaemia", {0.12, 0.10}, 0.5, {1, 1}, 0.05},
    {"Renal and urinary disorders", "Proteinuria", {0.38, 0.04}, 0.95, {4, 0}, 0},
    {"Endocrine disorders", "Hypothyroidism", {0.30, 0.02}, 0.95, {0.5, 0}, 0},
    {"Skin and subcutaneous tissue disorders",
     "Palmar-plantar erythrodysaesthesia syndrome",
     {0.26, 0.03},
     0.95,
     {3, 0},
     0},
    {"Skin and subcutaneous tissue disorders", "Alopecia", {0.04, 0.52}, 0.95, {0, 0}, 0},
    {"Skin and subcutaneous tissue disorders", "Rash", {0.12, 0.10}, 0.8, {1, 0.5}, 0},
    {"Gastrointestinal disorders", "Diarrhoea", {0.28, 0.14}, 0.8, {2, 1}, 0.03},
    {"Gastrointestinal disorders", "Nausea", {0.16, 0.28}, 0.75, {0.3, 1}, 0},
    {"Gastrointestinal disorders", "Stomatitis", {0.14, 0.06}, 0.85, {1, 0.3}, 0},
    {"Investigations", "Aspartate aminotransferase increased", {0.27, 0.20}, 0.85, {2, 1}, 0.02},
    {"Investigations", "Alanine aminotransferase increased", {0.24, 0.22}, 0.85, {2, 1}, 0.02},
    {"Investigations", "Neutrophil count decreased", {0.12, 0.56}, 0.95, {1.5, 12}, 0},
    {"Investigations", "White blood cell count decreased", {0.10, 0.50}, 0.95, {1, 7}, 0},
    {"Investigations", "Platelet count decreased", {0.14, 0.10}, 0.9, {1.5, 1}, 0},
    {"Blood and lymphatic system disorders", "Anaemia", {0.18, 0.40}, 0.8, {1, 3}, 0.05},
    {"General disorders and administration site conditions",
     "Fatigue",
     {0.22, 0.32},
     0.8,
     {1, 1},
     0.02},
    {"Nervous system disorders", "Peripheral sensory neuropathy", {0.03, 0.46}, 0.95, {0, 4}, 0},
    {"Musculoskeletal and connective tissue disorders", "Myalgia", {0.06, 0.16}, 0.8, {0, 0.5}, 0},
    {"Respiratory, thoracic and mediastinal disorders",
     "Pneumonitis",
     {0.05, 0.01},
     0.95,
     {1, 0},
     0},
    {"Respiratory, thoracic and mediastinal disorders", "Cough", {0.10, 0.09}, 0.1, {0, 0}, 0},
    {"Infections and infestations",
     "Upper respiratory tract infection",
     {0.11, 0.10},
     0.1,
     {0, 0},
     0.03},
    {"Infections and infestations", "Pneumonia", {0.04, 0.05}, 0.2, {0, 0}, 0.6},
}};

} // namespace triallens::demo
