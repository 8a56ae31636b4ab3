// Registers the service worker and links it to the app with two DOM events:
// "salesboard:update-ready" (to the app: a new version is installed and waiting) and
// "salesboard:apply-update" (from the app: the user chose to reload into it). The app
// asks with "salesboard:check-update" once mounted, whichever side starts first.
if ("serviceWorker" in navigator) {
  let wantsReload = false;
  const ready = navigator.serviceWorker.register("/sw.js").then((registration) => {
    const announce = () => {
      if (registration.waiting && navigator.serviceWorker.controller) {
        window.dispatchEvent(new Event("salesboard:update-ready"));
      }
    };
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      worker?.addEventListener("statechange", () => {
        if (worker.state === "installed") announce();
      });
    });
    announce();
    return { registration, announce };
  });
  window.addEventListener("salesboard:check-update", () => ready.then(({ announce }) => announce()));
  window.addEventListener("salesboard:apply-update", () =>
    ready.then(({ registration }) => {
      wantsReload = true;
      registration.waiting?.postMessage("skip-waiting");
    }),
  );
  // Only a reload the user asked for: the first install also changes the controller.
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (wantsReload) window.location.reload();
  });
}
