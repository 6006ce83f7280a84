//! Near-duplicate detection (syndicated copies with small edits): MinHash signatures over word
//! 5-shingles, with banded keys for locality-sensitive lookup.
//!
//! Two documents whose signatures agree on all rows of one band become candidates; a candidate
//! is a near duplicate when the estimated Jaccard similarity of their shingle sets reaches
//! `NEAR_DUPLICATE_JACCARD`. With 16 bands of 8 rows, pairs at Jaccard 0.8 are found with
//! probability > 0.99 and pairs at 0.4 with < 0.01.
//!
//! Not here: where signatures and band keys are kept (the store does that).

use xxhash_rust::xxh3::xxh3_64_with_seed;

pub const PERMUTATIONS: usize = 128;
pub const BANDS: usize = 16;
const ROWS: usize = PERMUTATIONS / BANDS;
const SHINGLE_WORDS: usize = 5;
/// Estimated Jaccard similarity from which a document counts as a copy of an earlier one.
pub const NEAR_DUPLICATE_JACCARD: f64 = 0.8;
/// Texts with fewer words than this are too short to call copies (boilerplate, captchas).
const MIN_WORDS: usize = 25;

/// A MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub Vec<u64>);

impl Signature {
    /// The signature of a text, or `None` when the text is too short to compare.
    pub fn of(text: &str) -> Option<Signature> {
        let words: Vec<String> =
            text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        if words.len() < MIN_WORDS {
            return None;
        }
        let mut mins = vec![u64::MAX; PERMUTATIONS];
        for shingle in words.windows(SHINGLE_WORDS) {
            let joined = shingle.join(" ");
            let base = xxh3_64_with_seed(joined.as_bytes(), 0);
            for (i, min) in mins.iter_mut().enumerate() {
                // One hash per permutation, derived cheaply from the base hash.
                let h = mix(base ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
                if h < *min {
                    *min = h;
                }
            }
        }
        Some(Signature(mins))
    }

    /// One key per band: documents sharing a key are candidates.
    pub fn band_keys(&self) -> Vec<i64> {
        self.0
            .chunks(ROWS)
            .enumerate()
            .map(|(band, rows)| {
                let mut bytes = Vec::with_capacity(8 * (ROWS + 1));
                bytes.extend_from_slice(&(band as u64).to_le_bytes());
                for r in rows {
                    bytes.extend_from_slice(&r.to_le_bytes());
                }
                xxh3_64_with_seed(&bytes, 1) as i64
            })
            .collect()
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / PERMUTATIONS as f64
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        (bytes.len() == PERMUTATIONS * 8).then(|| {
            Signature(bytes.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes"))).collect())
        })
    }
}

/// SplitMix64 finaliser: spreads the bits of a derived hash.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Police in the river town said two men were shot outside a grocery store late on Friday night. One of the men died at the scene and the other was taken to the county hospital in serious condition. Officers said they were looking for a gray sedan seen leaving the parking lot shortly after the shooting. Anyone with information was asked to call the tip line.";

    #[test]
    fn a_lightly_edited_copy_is_near() {
        let copy = STORY.replace("the tip line", "the hot line");
        let a = Signature::of(STORY).unwrap();
        let b = Signature::of(&copy).unwrap();
        assert!(a.similarity(&b) >= NEAR_DUPLICATE_JACCARD, "{}", a.similarity(&b));
        assert!(a.band_keys().iter().zip(b.band_keys()).any(|(x, y)| *x == y));
    }

    #[test]
    fn different_stories_are_far() {
        let other = "The city council approved a new budget for road repairs on Tuesday after a long debate about the cost of resurfacing the main bridge and the streets around the harbour, which have been closed for months because of flooding in the spring.";
        let a = Signature::of(STORY).unwrap();
        let b = Signature::of(other).unwrap();
        assert!(a.similarity(&b) < 0.1);
    }

    #[test]
    fn round_trip_and_short_texts() {
        let a = Signature::of(STORY).unwrap();
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a));
        assert_eq!(Signature::of("too short"), None);
    }
}
