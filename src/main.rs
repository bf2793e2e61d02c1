//! The `chanx` binary: everything lives in the library; this only hands over the exit code.

// A generation allocates and frees millions of small values (the document's
// JSON tree, names, rendered lines); mimalloc does that several times faster
// than the system allocators, musl's above all.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    chanx_codegen::cli::run()
}
