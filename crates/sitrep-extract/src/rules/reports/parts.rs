//! Parts and wholes: an itemised list that breaks down a total told just before it. "At least
//! 48 died in the clashes. The casualties included 28 fighters, four civilians shot by troops
//! and 16 soldiers killed by the militants": 28 + 4 + 16 = 48, so the three figures are parts
//! of the 48 and, like it, deaths (the list said "casualties" and "shot", which alone would not
//! be). Each part records its whole.
//!
//! Only exact sums link: a list that does not add up stays as it is, for reconciliation to
//! flag. Not handled: totals told after their parts ("… in all, 48 died").

use sitrep_model::Claim;

/// How many sentences after its total an itemised list may come.
const SENTENCES_AFTER: usize = 2;

/// Links, in a report's claims (in text order), each list of figures by victim category to the
/// total of deaths it adds up to.
pub fn link(claims: &mut [Claim], outlet: &str) {
    for whole in 0..claims.len() {
        let w = &claims[whole];
        if w.kind != "killed" || w.category != "all" || w.aggregate || w.in_title || w.part_of.is_some() {
            continue;
        }
        let (target, unit) = (w.value, w.embedded);
        let mut sentences: Vec<usize> = vec![w.span.start];
        let mut parts: Vec<usize> = Vec::new();
        let mut sum = 0u32;
        for j in whole + 1..claims.len() {
            let c = &claims[j];
            if c.embedded != unit || c.in_title {
                continue;
            }
            if !sentences.contains(&c.span.start) {
                sentences.push(c.span.start);
            }
            if sentences.len() > SENTENCES_AFTER + 1 || sum >= target {
                break;
            }
            let item = c.category != "all"
                && matches!(c.kind.as_str(), "killed" | "ambiguous" | "shot")
                && c.part_of.is_none()
                && !parts.iter().any(|&p| claims[p].category == c.category);
            if item {
                parts.push(j);
                sum += c.value;
            }
        }
        if parts.len() >= 2 && sum == target {
            let source = claims[whole].claimant.clone();
            for p in parts {
                claims[p].kind = "killed".to_owned();
                claims[p].part_of = Some(whole);
                // An itemisation with no source of its own ("the casualties reportedly
                // included …") breaks down the attributed total: it has the total's source.
                if claims[p].claimant == outlet {
                    claims[p].claimant = source.clone();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::Span;

    fn claim(kind: &str, value: u32, category: &str, sentence: usize) -> Claim {
        Claim::exact(kind, value, category, "x", "d", Span::new(sentence * 100, sentence * 100 + 50))
    }

    #[test]
    fn an_itemised_list_that_adds_up_is_part_of_the_total() {
        let mut c = vec![
            claim("killed", 48, "all", 0),
            claim("ambiguous", 28, "armed_group", 1),
            claim("shot", 4, "civilians", 1),
            claim("killed", 16, "state_forces", 1),
        ];
        link(&mut c, "the outlet");
        assert!(c[1..].iter().all(|c| c.kind == "killed" && c.part_of == Some(0)));
    }

    #[test]
    fn a_list_that_does_not_add_up_stays_apart() {
        let mut c = vec![
            claim("killed", 48, "all", 0),
            claim("ambiguous", 20, "armed_group", 1),
            claim("shot", 4, "civilians", 1),
        ];
        link(&mut c, "the outlet");
        assert_eq!(c[1].kind, "ambiguous");
        assert!(c.iter().all(|c| c.part_of.is_none()));
    }
}
