//! The entry point only mounts the app; everything else lives in the library.

// The page's allocator: talc, made for WebAssembly, instead of the standard library's
// dlmalloc: 0.7 KB less of the first load (tests/size.mjs), and faster. Setup as its
// README_WASM gives it (single-threaded wasm, the heap grown as needed).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    ugeblik::page::mount();
}
