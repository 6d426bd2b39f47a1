// Copy buttons: a button data-salin="<field id>" copies that read-only
// field (the agenda's calendar address, the weekly digest's message). The
// field can be selected and copied without script; the button, hidden
// until this runs, does it in one press. What it says once copied
// (data-tersalin) goes to the status beside it when there is one
// ([data-salin-status]), else into the button for a moment.
function copy(field) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(field.value);
  }
  // An older browser, or a page not served over https: the field's own
  // selection, copied the old way.
  field.select();
  return document.execCommand("copy") ? Promise.resolve() : Promise.reject();
}

document.querySelectorAll("button[data-salin]").forEach((button) => {
  const field = document.getElementById(button.dataset.salin);
  if (!field) return;
  const status = button.parentElement.querySelector("[data-salin-status]");
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", () => {
    copy(field).then(
      () => {
        if (status) {
          status.textContent = button.dataset.tersalin;
        } else {
          button.textContent = button.dataset.tersalin;
          setTimeout(() => { button.textContent = label; }, 3000);
        }
      },
      () => {
        // Not allowed: the text is selected for the reader to copy.
        field.focus();
        field.select();
        if (status) status.textContent = "Tidak dapat menyalin otomatis: teksnya sudah dipilih, salin dari menu.";
      },
    );
  });
});
