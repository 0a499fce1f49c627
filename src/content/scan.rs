use super::site::SettingProblem;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `reflectiescan:` in `site.yaml`: where the reflection scan draws its lines.
///
/// An element's score is the mean of its answered statements (1–5). The scan reads
/// it as strong, developing or needing attention; the team view flags the
/// element(s) whose scores lie furthest apart, if that is at least `verschil`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScanThresholds {
    /// Vanaf dit gemiddelde (1–5) heet een element in de reflectiescan "sterk" (standaard 4).
    #[serde(rename = "sterk", default = "default_strong")]
    pub strong: f64,
    /// Tot en met dit gemiddelde (1–5) vraagt een element "aandacht" (standaard 2,5); daartussen is het "in ontwikkeling".
    #[serde(rename = "aandacht", default = "default_attention")]
    pub attention: f64,
    /// Teamweergave: het element met het grootste verschil tussen de hoogste en de laagste score heet "goed om eerst te bespreken" als dat verschil minstens zo groot is (standaard 1,5).
    #[serde(rename = "verschil", default = "default_disagreement")]
    pub disagreement: f64,
}

impl Default for ScanThresholds {
    fn default() -> Self {
        ScanThresholds {
            strong: default_strong(),
            attention: default_attention(),
            disagreement: default_disagreement(),
        }
    }
}

impl ScanThresholds {
    /// What is wrong with these thresholds, in Dutch, for the editor; empty when
    /// they make sense on the 1–5 scale. NaN lies on no scale and is refused too.
    pub fn problems(&self) -> Vec<SettingProblem> {
        let mut out = Vec::new();
        let mut push = |path: &'static str, message: String| {
            out.push(SettingProblem {
                path,
                message,
                hint: "bijvoorbeeld `reflectiescan: {sterk: 4, aandacht: 2.5, verschil: 1.5}`"
                    .into(),
            });
        };
        let on_scale = |x: f64| (1.0..=5.0).contains(&x);
        if !on_scale(self.strong) {
            push(
                "reflectiescan.sterk",
                format!(
                    "`reflectiescan.sterk` is {}, maar moet tussen 1 en 5 liggen",
                    self.strong
                ),
            );
        }
        if !on_scale(self.attention) {
            push(
                "reflectiescan.aandacht",
                format!(
                    "`reflectiescan.aandacht` is {}, maar moet tussen 1 en 5 liggen",
                    self.attention
                ),
            );
        }
        if on_scale(self.strong) && on_scale(self.attention) && self.attention >= self.strong {
            push(
                "reflectiescan.aandacht",
                format!(
                    "`reflectiescan.aandacht` ({}) moet lager zijn dan `sterk` ({})",
                    self.attention, self.strong
                ),
            );
        }
        if !(self.disagreement > 0.0 && self.disagreement <= 4.0) {
            push(
                "reflectiescan.verschil",
                format!(
                    "`reflectiescan.verschil` is {}, maar moet groter dan 0 en hoogstens 4 zijn",
                    self.disagreement
                ),
            );
        }
        out
    }
}

fn default_strong() -> f64 {
    4.0
}

fn default_attention() -> f64 {
    2.5
}

fn default_disagreement() -> f64 {
    1.5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_sensible_and_bad_values_are_named() {
        assert!(ScanThresholds::default().problems().is_empty());
        let upside_down = ScanThresholds {
            strong: 2.0,
            attention: 3.0,
            ..Default::default()
        };
        assert_eq!(upside_down.problems().len(), 1);
        let off_scale = ScanThresholds {
            strong: 6.0,
            attention: 0.0,
            disagreement: 0.0,
        };
        assert_eq!(off_scale.problems().len(), 3);
        let nan = ScanThresholds {
            disagreement: f64::NAN,
            ..Default::default()
        };
        assert_eq!(nan.problems().len(), 1);
    }
}
