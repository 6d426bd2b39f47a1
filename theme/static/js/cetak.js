// The poster page's "Cetak poster" button: the browser's print dialog. Shown
// only when this runs; the page's note says how to print without it.
document.querySelectorAll("[data-cetak]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
