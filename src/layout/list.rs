//! Layout parser (being written).

use super::{Context, RawDoc};
use crate::segment::Line;

pub(crate) fn parse<'a>(
    _lines: &[Line<'a>],
    _i: usize,
    _ctx: &mut Context,
    _doc: &mut RawDoc<'a>,
) -> Option<usize> {
    None
}
