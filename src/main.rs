//! The standalone practice page: mounts one widget into `#interview-drill`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use interview_drill::core::config::Config;
    use interview_drill::web::mount::mount_by_id;
    mount_by_id("interview-drill", Config::default());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Interview Drill runs in the browser: build it with `make serve`.");
}
