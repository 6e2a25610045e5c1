//! Spreading documents over threads, results in input order.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// Threads to use when the caller does not say: all cores.
pub(crate) fn default_jobs() -> usize {
    thread::available_parallelism()
        .map(NonZeroUsize::get)
        .unwrap_or(1)
}

/// `items.iter().map(f).collect()`, computed on up to `jobs` threads: the calling
/// thread and `jobs - 1` scoped ones. Each takes the next unclaimed item, so one long
/// document does not hold back a fixed share of the others; the results are put back
/// in input order. If the system refuses a thread, the work goes on with fewer.
///
/// `f` must not panic (the callers wrap the core's calls in `core::guard`); if it does
/// anyway, the panic is passed on to the caller's thread.
pub(crate) fn map_ordered<T, R, F>(items: &[T], jobs: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = jobs.min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let run = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(item)));
        }
        done
    };
    let mut slots: Vec<Option<R>> = Vec::with_capacity(items.len());
    slots.resize_with(items.len(), || None);
    thread::scope(|scope| {
        let workers: Vec<_> = (1..threads)
            .map_while(|_| thread::Builder::new().spawn_scoped(scope, run).ok())
            .collect();
        for (i, r) in run() {
            slots[i] = Some(r);
        }
        for worker in workers {
            match worker.join() {
                Ok(done) => {
                    for (i, r) in done {
                        slots[i] = Some(r);
                    }
                }
                Err(payload) => std::panic::resume_unwind(payload),
            }
        }
    });
    slots
        .into_iter()
        .map(|r| r.expect("every index below items.len() is claimed by exactly one worker"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_kept_whatever_the_threads() {
        let items: Vec<u64> = (0..1000).collect();
        for jobs in [1, 2, 3, 8, 64] {
            let out = map_ordered(&items, jobs, |x| {
                // Uneven work, so that threads finish out of order.
                let spin = (x * 7919) % 97;
                (0..spin).fold(*x, |a, b| a.wrapping_add(b)) - (0..spin).sum::<u64>()
            });
            assert_eq!(out, items);
        }
        assert!(map_ordered(&[] as &[u64], 4, |x| *x).is_empty());
    }
}
