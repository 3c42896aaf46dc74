// Live countdowns for deadlines (the regulator's obligations board). Each <span class="countdown" data-due="ISO 8601"
// data-left="… {0} …" data-overdue="… {0} …" hidden> is shown and updated every second, in the page's language
// (Intl unit formats, no text of our own). Without JavaScript the spans stay hidden and the static deadline printed
// beside them is what the reader gets. No inline script anywhere: the CSP is script-src 'self'.
(function () {
  var spans = Array.prototype.slice.call(document.querySelectorAll(".countdown[data-due]"));
  if (spans.length === 0 || typeof Intl === "undefined" || !Intl.NumberFormat) {
    return;
  }
  var lang = document.documentElement.lang || "en";
  var units = ["day", "hour", "minute", "second"];
  var formats = {};
  units.forEach(function (unit) {
    try {
      formats[unit] = new Intl.NumberFormat(lang, { style: "unit", unit: unit, unitDisplay: "short" });
    } catch (e) {
      formats[unit] = { format: function (n) { return n + " " + unit.charAt(0); } };
    }
  });

  function parts(ms) {
    var s = Math.floor(ms / 1000);
    var values = [Math.floor(s / 86400), Math.floor(s % 86400 / 3600), Math.floor(s % 3600 / 60), s % 60];
    var out = [];
    for (var i = 0; i < units.length; i++) {
      // Days and hours are enough far away; seconds only matter in the last hour.
      if (i === 3 && s >= 3600) break;
      if (values[i] > 0 || out.length > 0 || i === 3) out.push(formats[units[i]].format(values[i]));
    }
    return out.join(" ");
  }

  function tick() {
    var now = Date.now();
    spans.forEach(function (span) {
      var due = Date.parse(span.getAttribute("data-due"));
      if (isNaN(due)) return;
      var late = now > due;
      var template = span.getAttribute(late ? "data-overdue" : "data-left") || "{0}";
      span.textContent = template.replace("{0}", parts(Math.abs(due - now)));
      span.classList.toggle("countdown-late", late);
      span.hidden = false;
    });
  }

  tick();
  window.setInterval(tick, 1000);
})();
