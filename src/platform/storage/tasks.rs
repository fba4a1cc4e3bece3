//! Where the sealed store's encrypted writes run while the app goes on. In the browser they
//! are the page's microtasks (`wasm_bindgen_futures::spawn_local`); on the host they wait in
//! a queue until a test runs them, in the order it chooses, so that a test can put other
//! tabs' writes, failures and restarts between a write asked for and its being stored.

#[cfg(target_arch = "wasm32")]
pub use wasm_bindgen_futures::spawn_local;

#[cfg(not(target_arch = "wasm32"))]
pub use host::*;

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use std::cell::RefCell;
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll, Waker};

    type Task = Pin<Box<dyn Future<Output = ()>>>;

    thread_local! {
        static QUEUE: RefCell<Vec<Task>> = const { RefCell::new(Vec::new()) };
    }

    /// Queues `future`; it runs when a test says so ([`run_task`], [`run_all`]).
    pub fn spawn_local(future: impl Future<Output = ()> + 'static) {
        QUEUE.with(|queue| queue.borrow_mut().push(Box::pin(future)));
    }

    /// How many tasks wait.
    pub fn waiting() -> usize {
        QUEUE.with(|queue| queue.borrow().len())
    }

    /// Runs the waiting task `index` (modulo their number) until it waits or ends. Returns
    /// whether there was one.
    pub fn run_task(index: usize) -> bool {
        let Some(mut task) = QUEUE.with(|queue| {
            let mut queue = queue.borrow_mut();
            (!queue.is_empty()).then(|| {
                let at = index % queue.len();
                queue.remove(at)
            })
        }) else {
            return false;
        };
        if task.as_mut().poll(&mut Context::from_waker(Waker::noop())).is_pending() {
            spawn_local(task);
        }
        true
    }

    /// Runs every waiting task, those they queue too, until none is left (at most
    /// `10_000` runs: a task that never ends stays queued).
    pub fn run_all() {
        for _ in 0..10_000 {
            if !run_task(0) {
                return;
            }
        }
    }

    /// Forgets every waiting task: the tab that asked for them died.
    pub fn drop_all() {
        QUEUE.with(|queue| queue.borrow_mut().clear());
    }

    /// Runs `future` to its end, with the tasks it queues left waiting. For futures that
    /// never wait on anything outside (the tests' ciphers): panics otherwise.
    pub fn block_on<T>(future: impl Future<Output = T>) -> T {
        let mut future = std::pin::pin!(future);
        match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(value) => value,
            Poll::Pending => panic!("block_on: the future waits on something outside"),
        }
    }
}
