// The weekly digest's copy button (ringkasan.html): the message is in a
// read-only text field that can be selected and copied without script; with
// script, one press copies it. The button stays hidden where copying cannot
// work.
"use strict";
document.querySelectorAll("button[data-salin]").forEach((button) => {
  const field = document.getElementById(button.dataset.salin);
  if (!field || !navigator.clipboard) return;
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      button.textContent = button.dataset.tersalin;
      setTimeout(() => { button.textContent = label; }, 3000);
    } catch {
      // Not allowed (an old browser, an insecure page): select it instead.
      field.focus();
      field.select();
      button.textContent = label;
    }
  });
});
