// "Salin alamat": copies the address in the read-only field a button names
// (data-salin="<field id>") and says so in the status beside it. Without
// script the buttons stay hidden and the field itself is there to select.
function copy(field) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(field.value);
  }
  // An older browser, or a page not served over https: the field's own
  // selection, copied the old way.
  field.select();
  return document.execCommand("copy") ? Promise.resolve() : Promise.reject();
}

document.querySelectorAll("[data-salin]").forEach((button) => {
  const field = document.getElementById(button.dataset.salin);
  const status = button.parentElement.querySelector("[data-salin-status]");
  if (!field) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    copy(field).then(
      () => { status.textContent = "Alamat disalin."; },
      () => {
        field.select();
        status.textContent = "Tidak dapat menyalin otomatis: alamat sudah dipilih, salin dari menu.";
      },
    );
  });
});
