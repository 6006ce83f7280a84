//! A report's ACLED event type and sub-type, by ACLED's hierarchy rather than by counting
//! words: the first of these that holds decides.
//!
//! 1. Crowd first: a protest word in the report's first sentence (a strong one, or a weak one
//!    such as "demanded" with a crowd in the text) → Protests, or Riots when a riot word occurs
//!    ("students blocked the road; police fired tear gas" is a protest with intervention; the
//!    killing that caused a protest does not make it violence against civilians).
//! 2. Hand-thrown incendiaries without armed actors → Riots, or violence against civilians
//!    when they killed or hurt people.
//! 3. Riot words without armed actors → Riots.
//! 4. Explosions and remote violence (air strikes, shelling, bombs).
//! 5. Battle words → Battles; words of a clash ("clashed", "fighting") → Battles only with an
//!    armed side, gunfire or deaths, else Riots ("two groups of supporters clashed").
//! 6. Harm (shootings, killings, abductions) → Violence against civilians, or Battles when every
//!    victim counted is a combatant ("gunmen shot dead two police officers").
//! 7. Protests or riots told later in the report; 8. strategic developments (arrests, curfews,
//!    looting); 9. a casualty figure with no trigger at all, as in 6.
//!
//! Not handled: two-sided shelling between armies (ACLED codes it Battles), and the actor of a
//! harm verb (police killing a civilian and a civilian killing police look alike here).

use sitrep_annotate::Annotations;
use sitrep_annotate::en::lexicons::Trigger;
use sitrep_model::Claim;

use super::frames::Frame;
use crate::rules::actors;

const PROTESTS: &str = "Protests";
const RIOTS: &str = "Riots";
const BATTLES: &str = "Battles";
const EXPLOSIONS: &str = "Explosions/Remote violence";
const VIOLENCE: &str = "Violence against civilians";
const STRATEGIC: &str = "Strategic developments";

/// The type and sub-type of a report made of `frames` with `claims`.
/// `described` are the actor descriptions of its frames.
pub fn event_type(
    a: &Annotations,
    frames: &[&Frame],
    claims: &[&Claim],
    described: &[actors::Described],
) -> (Option<String>, Option<String>) {
    let triggers: Vec<&Trigger> =
        frames.iter().flat_map(|f| f.triggers.iter().map(|&t| &a.triggers[t].value)).collect();
    let armed = described.iter().any(|d| d.kind == "armed");
    let crowd = described.iter().any(|d| d.kind == "crowd");
    let is = |t: &&Trigger, ty: &str, role: &str| t.event_type == ty && t.role == role;
    let any = |ty: &str, role: &str| triggers.iter().any(|t| is(t, ty, role));
    let protest = |t: &&Trigger| t.event_type == PROTESTS && (t.role != "weak" || crowd);
    let lead_protest = frames.first().is_some_and(|f| f.triggers.iter().any(|&t| protest(&&a.triggers[t].value)));
    let riot = any(RIOTS, "");
    let hurt = claims.iter().any(|c| matches!(c.kind.as_str(), "killed" | "injured" | "shot") && c.value > 0);
    let combatants_only =
        !claims.is_empty() && claims.iter().all(|c| matches!(c.category.as_str(), "state_forces" | "armed_group"));
    let pick = |ty: &str| -> (Option<String>, Option<String>) { (Some(ty.to_owned()), Some(sub_type(&triggers, ty))) };
    let fixed = |ty: &str, sub: &str| (Some(ty.to_owned()), Some(sub.to_owned()));

    if lead_protest {
        return if riot { pick(RIOTS) } else { pick(PROTESTS) };
    }
    if any(RIOTS, "incendiary") && !armed {
        return if hurt { fixed(VIOLENCE, "Attack") } else { fixed(RIOTS, "Violent demonstration") };
    }
    if riot && !armed {
        return pick(RIOTS);
    }
    if any(EXPLOSIONS, "") {
        return pick(EXPLOSIONS);
    }
    if any(BATTLES, "") {
        return pick(BATTLES);
    }
    let gunfire = triggers.iter().any(|t| t.event_type == VIOLENCE);
    if any(BATTLES, "clash") {
        return if armed || gunfire || hurt { pick(BATTLES) } else { fixed(RIOTS, "Violent demonstration") };
    }
    if triggers.iter().any(|t| t.event_type == VIOLENCE) {
        return if combatants_only { fixed(BATTLES, "Armed clash") } else { pick(VIOLENCE) };
    }
    if triggers.iter().any(protest) {
        return if riot { pick(RIOTS) } else { pick(PROTESTS) };
    }
    if any(RIOTS, "") || any(RIOTS, "incendiary") {
        return pick(RIOTS);
    }
    if triggers.iter().any(|t| t.event_type == STRATEGIC) {
        return pick(STRATEGIC);
    }
    if hurt {
        return if combatants_only { fixed(BATTLES, "Armed clash") } else { fixed(VIOLENCE, "Attack") };
    }
    (None, None)
}

/// The sub-type of `ty` in the report: for protests ACLED's order (excessive force, then
/// intervention, then peaceful); otherwise the most frequent, ties to the first met.
fn sub_type(triggers: &[&Trigger], ty: &str) -> String {
    let of_type: Vec<&str> =
        triggers.iter().filter(|t| t.event_type == ty).map(|t| t.sub_event_type.as_str()).collect();
    if ty == PROTESTS {
        for sub in ["Excessive force against protesters", "Protest with intervention"] {
            if of_type.contains(&sub) {
                return sub.to_owned();
            }
        }
        return "Peaceful protest".to_owned();
    }
    let mut best: Option<(&str, usize)> = None;
    for sub in &of_type {
        let n = of_type.iter().filter(|s| *s == sub).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((sub, n));
        }
    }
    best.map_or_else(|| default_sub_type(ty).to_owned(), |(s, _)| s.to_owned())
}

fn default_sub_type(ty: &str) -> &'static str {
    match ty {
        RIOTS => "Violent demonstration",
        BATTLES => "Armed clash",
        VIOLENCE => "Attack",
        STRATEGIC => "Other",
        _ => "Other",
    }
}

#[cfg(test)]
mod tests {
    use super::super::frames::frames;
    use super::*;

    fn typed(text: &str) -> (String, String) {
        let a = sitrep_annotate::annotate_text(text, None);
        let f = frames(&a, &[]);
        let refs: Vec<&Frame> = f.iter().collect();
        let described = actors::described(&a, 0, a.tokens.len());
        let (t, s) = event_type(&a, &refs, &[], &described);
        (t.unwrap_or_default(), s.unwrap_or_default())
    }

    #[test]
    fn a_protest_in_the_lead_decides() {
        assert_eq!(typed("Lawyers staged a protest over the murder of a colleague.").0, "Protests");
        let t = typed("Students held a rally; police fired tear gas and arrested ten.");
        assert_eq!(t, ("Protests".to_owned(), "Protest with intervention".to_owned()));
        assert_eq!(typed("Traders protested and vandalised a police van.").0, "Riots");
    }

    #[test]
    fn clashes_need_armed_sides_to_be_battles() {
        assert_eq!(typed("Two groups of party supporters clashed at the market.").0, "Riots");
        assert_eq!(typed("Troops clashed with militants near the border.").0, "Battles");
    }

    #[test]
    fn explosions_then_battles_then_harm_then_arrests() {
        assert_eq!(typed("Troops fought militants after a roadside bomb exploded.").0, "Explosions/Remote violence");
        assert_eq!(typed("Gunmen shot a shopkeeper in the market.").0, "Violence against civilians");
        assert_eq!(typed("Police arrested two men.").1, "Arrests");
        assert_eq!(typed("The army imposed a curfew.").0, "Strategic developments");
    }
}
