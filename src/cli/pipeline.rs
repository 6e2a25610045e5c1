//! The ordered parallel pipeline: a feeder thread reads inputs in order and hands
//! each to a rayon pool; the calling thread receives the results, puts them back in
//! input order and writes them. A window bounds the work in flight (items and bytes
//! read but not yet written), so memory stays constant however long the input is.
//!
//! With one job there is nothing to overlap: the inputs are read, parsed and written
//! in turn on the calling thread ([`run`] with no pool). Handing each document to a
//! worker and its result back cost two thread wake-ups a document, about 8 % of the
//! time of `--jobs 1` over small files (`perf`: `futex_wake`, `finish_task_switch`).

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex};

/// Counting semaphore over items and bytes, with cancellation.
struct Window {
    /// (items, bytes) in flight.
    state: Mutex<(usize, usize)>,
    cv: Condvar,
    max_items: usize,
    max_bytes: usize,
    cancelled: AtomicBool,
}

impl Window {
    /// Wait for room for one item of `bytes`; false once cancelled. An item larger
    /// than the byte budget is let through when nothing else is in flight.
    fn acquire(&self, bytes: usize) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if self.cancelled.load(Ordering::Relaxed) {
                return false;
            }
            let fits = s.0 < self.max_items && (s.0 == 0 || s.1 + bytes <= self.max_bytes);
            if fits {
                s.0 += 1;
                s.1 += bytes;
                return true;
            }
            s = self.cv.wait(s).unwrap_or_else(|e| e.into_inner());
        }
    }

    fn release(&self, bytes: usize) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.0 -= 1;
        s.1 -= bytes;
        self.cv.notify_all();
    }

    fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
        let _guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        self.cv.notify_all();
    }
}

/// Limits of the pipeline.
pub(crate) struct Limits {
    /// Items read but not yet written.
    pub(crate) max_items: usize,
    /// Bytes of input read but not yet written.
    pub(crate) max_bytes: usize,
}

/// Run the pipeline. `feed` is called on a separate thread with a `submit`
/// function taking `(job, input bytes)`; `submit` returns false when the writer has
/// stopped (feed should then return). `work` turns a job into an outcome on the pool
/// (`on_panic` gives the outcome if it panics); `sink` receives the outcomes in
/// submission order and may stop the run with `ControlFlow::Break`. Without a pool,
/// everything runs in turn on the calling thread (the same order and outcomes).
pub(crate) fn run<J, O, F, W, S>(
    pool: Option<rayon::ThreadPool>,
    limits: Limits,
    feed: F,
    work: W,
    on_panic: fn() -> O,
    mut sink: S,
) -> ControlFlow<()>
where
    J: Send + 'static,
    O: Send + 'static,
    F: FnOnce(&mut dyn FnMut(J, usize) -> bool) + Send + 'static,
    W: Fn(J) -> O + Send + Sync + 'static,
    S: FnMut(O) -> ControlFlow<()>,
{
    let Some(pool) = pool else {
        let mut flow = ControlFlow::Continue(());
        let mut submit = |job: J, _bytes: usize| -> bool {
            let outcome =
                catch_unwind(AssertUnwindSafe(|| work(job))).unwrap_or_else(|_| on_panic());
            flow = sink(outcome);
            flow.is_continue()
        };
        feed(&mut submit);
        return flow;
    };
    let window = Arc::new(Window {
        state: Mutex::new((0, 0)),
        cv: Condvar::new(),
        max_items: limits.max_items.max(1),
        max_bytes: limits.max_bytes,
        cancelled: AtomicBool::new(false),
    });
    let (tx, rx) = mpsc::channel::<(usize, O, usize)>();
    let work = Arc::new(work);
    let feeder = {
        let window = Arc::clone(&window);
        std::thread::spawn(move || {
            let mut next = 0usize;
            let mut submit = |job: J, bytes: usize| -> bool {
                if !window.acquire(bytes) {
                    return false;
                }
                let index = next;
                next += 1;
                let tx = tx.clone();
                let work = Arc::clone(&work);
                pool.spawn(move || {
                    let outcome =
                        catch_unwind(AssertUnwindSafe(|| work(job))).unwrap_or_else(|_| on_panic());
                    // The receiver is gone only when the writer stopped early.
                    let _ = tx.send((index, outcome, bytes));
                });
                true
            };
            feed(&mut submit);
            // `tx` and the pool are dropped here: the channel closes when the last job is done.
        })
    };

    let mut pending: BTreeMap<usize, (O, usize)> = BTreeMap::new();
    let mut next = 0usize;
    for (index, outcome, bytes) in rx {
        pending.insert(index, (outcome, bytes));
        while let Some((outcome, bytes)) = pending.remove(&next) {
            next += 1;
            window.release(bytes);
            if sink(outcome).is_break() {
                window.cancel();
                // The feeder may be blocked reading stdin: it is not waited for.
                return ControlFlow::Break(());
            }
        }
    }
    let _ = feeder.join();
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool() -> Option<rayon::ThreadPool> {
        Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(2)
                .build()
                .unwrap(),
        )
    }

    /// Outcomes come back in submission order however long each job takes, with a
    /// pool and without one.
    #[test]
    fn keeps_order() {
        for pool in [pool(), None] {
            let mut seen = Vec::new();
            let flow = run(
                pool,
                Limits {
                    max_items: 3,
                    max_bytes: 10,
                },
                |submit| {
                    for i in 0..200u64 {
                        if !submit(i, 4) {
                            return;
                        }
                    }
                },
                |i: u64| {
                    std::thread::sleep(std::time::Duration::from_micros((200 - i) * 10));
                    i * 2
                },
                || u64::MAX,
                |o| {
                    seen.push(o);
                    ControlFlow::Continue(())
                },
            );
            assert!(flow.is_continue());
            assert_eq!(seen, (0..200).map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    /// A sink that breaks stops the feeder, and no outcome follows the break.
    #[test]
    fn stops_when_the_sink_breaks() {
        for pool in [pool(), None] {
            let mut n = 0;
            let flow = run(
                pool,
                Limits {
                    max_items: 4,
                    max_bytes: 100,
                },
                |submit| while submit((), 1) {},
                |()| 1,
                || 0,
                |_| {
                    n += 1;
                    if n == 50 {
                        ControlFlow::Break(())
                    } else {
                        ControlFlow::Continue(())
                    }
                },
            );
            assert!(flow.is_break());
            assert_eq!(n, 50);
        }
    }

    /// A job that panics gives `on_panic`'s outcome in its place; the others go on.
    #[test]
    fn a_panic_becomes_an_outcome() {
        for pool in [pool(), None] {
            let mut seen = Vec::new();
            let flow = run(
                pool,
                Limits {
                    max_items: 4,
                    max_bytes: 100,
                },
                |submit| {
                    for i in 0..5u32 {
                        submit(i, 1);
                    }
                },
                |i: u32| {
                    assert_ne!(i, 2, "a job that panics");
                    i
                },
                || u32::MAX,
                |o| {
                    seen.push(o);
                    ControlFlow::Continue(())
                },
            );
            assert!(flow.is_continue());
            assert_eq!(seen, [0, 1, u32::MAX, 3, 4]);
        }
    }
}
