fn main() {
    // A panic is a bug: say so in the console (where the e2e tests look) with its message.
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into())
    }));
    leptos::mount::mount_to_body(salesboard::app::App);
    // The app paints its own top bar now: the frame index.html showed meanwhile goes.
    if let Some(frame) = leptos::prelude::document().get_element_by_id("boot") {
        frame.remove();
    }
}
