//! The two fields read before a record is trusted: `format` and `version`. Everything else is
//! skipped without building values, so a file of any shape costs no more memory than its bytes,
//! and a version too large for any integer type is still recognised as "newer".

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// What the top level of a JSON file says about itself.
#[derive(Debug, Default)]
pub(crate) struct Header {
    /// The top level is an object (anything else is someone else's file).
    pub object: bool,
    pub format: Option<Scalar>,
    pub version: Option<Scalar>,
}

/// A field's value, as far as the header cares.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Scalar {
    Text(String),
    Int(u64),
    /// A whole number larger than `u64` (JSON allows any), as a float reads it.
    Huge(String),
    /// Anything else: negative, fractional, a list, an object, `true`, `null`.
    Other,
}

impl<'de> Deserialize<'de> for Header {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(HeaderVisitor)
    }
}

struct HeaderVisitor;

impl<'de> Visitor<'de> for HeaderVisitor {
    type Value = Header;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Header, A::Error> {
        let mut header = Header {
            object: true,
            ..Header::default()
        };
        while let Some(key) = map.next_key::<KeyName>()? {
            match key {
                KeyName::Format => header.format = Some(map.next_value()?),
                KeyName::Version => header.version = Some(map.next_value()?),
                KeyName::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(header)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Header, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Header::default())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Header, E> {
        Ok(Header::default())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Header, E> {
        Ok(Header::default())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Header, E> {
        Ok(Header::default())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Header, E> {
        Ok(Header::default())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Header, E> {
        Ok(Header::default())
    }
    fn visit_unit<E: de::Error>(self) -> Result<Header, E> {
        Ok(Header::default())
    }
}

/// A key of the top-level object, kept only when it is one the header reads.
enum KeyName {
    Format,
    Version,
    Other,
}

impl<'de> Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = KeyName;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<KeyName, E> {
                Ok(match key {
                    "format" => KeyName::Format,
                    "version" => KeyName::Version,
                    _ => KeyName::Other,
                })
            }
        }
        d.deserialize_identifier(KeyVisitor)
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Scalar, E> {
        // The format name is short; a long string here is not ours, and need not be kept.
        Ok(if s.len() <= 64 {
            Scalar::Text(s.to_owned())
        } else {
            Scalar::Other
        })
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Scalar, E> {
        Ok(Scalar::Int(n))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Scalar, E> {
        Ok(u64::try_from(n).map_or(Scalar::Other, Scalar::Int))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Scalar, E> {
        // serde_json reads a whole number past u64::MAX as a float; 2^64 and beyond is a version
        // from the future, not damage. (A fraction like 1.5 is no version at all.)
        Ok(
            if n >= 18_446_744_073_709_551_616.0 && n.fract() == 0.0 && n.is_finite() {
                Scalar::Huge(format!("{n:.0}"))
            } else {
                Scalar::Other
            },
        )
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(json: &str) -> Header {
        serde_json::from_str(json).expect("parses")
    }

    #[test]
    fn reads_format_and_version_and_skips_the_rest() {
        let h = header(r#"{"steps": [1, {"a": []}], "format": "x", "version": 3}"#);
        assert!(h.object);
        assert_eq!(h.format, Some(Scalar::Text("x".into())));
        assert_eq!(h.version, Some(Scalar::Int(3)));
    }

    #[test]
    fn a_version_past_every_integer_is_huge_not_damaged() {
        let h = header(r#"{"version": 1180591620717411303424}"#);
        assert_eq!(
            h.version,
            Some(Scalar::Huge("1180591620717411303424".into()))
        );
        assert_eq!(header(r#"{"version": 1.5}"#).version, Some(Scalar::Other));
        assert_eq!(header(r#"{"version": -2}"#).version, Some(Scalar::Other));
    }

    #[test]
    fn other_top_levels_are_not_objects() {
        assert!(!header("[1, 2]").object);
        assert!(!header("\"text\"").object);
    }
}
