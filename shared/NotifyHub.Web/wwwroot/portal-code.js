// The portal's QR links carry the reference code in the URL fragment (#code=...), which browsers never send to a
// server, so it reaches no log. This copies it into the form's field and removes it from the address bar.
(function () {
  var match = /(?:^|[#&])code=([^&]*)/.exec(window.location.hash);
  var field = document.getElementById("ReferenceCode");
  if (!match || !field) {
    return;
  }
  if (!field.value) {
    field.value = decodeURIComponent(match[1]).slice(0, 64);
  }
  history.replaceState(null, "", window.location.pathname + window.location.search);
  var next = document.getElementById("DateOfBirth");
  if (next) {
    next.focus();
  }
})();
