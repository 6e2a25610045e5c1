//! Field normalisers: value grammars applied to the text of one cell or key.

pub(crate) mod duration;
pub(crate) mod names;
pub(crate) mod provider;
pub(crate) mod repair;
pub(crate) mod text;
