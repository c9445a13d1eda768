// Starts the NHS.UK frontend components (header menu, buttons, error summary...).
// The library is an ES module; its hashed URL comes from a data attribute so that
// the static files manifest stays in charge of cache busting.
//
// "nhsuk-frontend-supported" switches the header menu to its single-line layout,
// so it is added only once the library is loaded and can move items into "More";
// until then (and without JavaScript) the menu wraps instead of running off the
// side of a small screen.
const script = document.querySelector("script[data-nhsuk-frontend]");

document.body.classList.add("js-enabled");

if (script) {
  import(script.dataset.nhsukFrontend).then((frontend) => {
    document.body.classList.add("nhsuk-frontend-supported");
    frontend.initAll();
  });
}
