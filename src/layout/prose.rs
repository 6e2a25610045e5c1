//! Prose that names cookies (being written).

use super::{Context, RawDoc};
use crate::segment::Line;

pub(crate) fn parse<'a>(_line: &Line<'a>, _ctx: &Context, _doc: &mut RawDoc<'a>, _last: bool) {}
