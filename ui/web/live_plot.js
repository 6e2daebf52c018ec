// The Training page's charts, updated in place (ui/live_plot.py): Streamlit calls this
// module's default export on mount and on each new data, with the same parent element.

// Plotly.js, chosen once per page and kept: the copy Streamlit's own Plotly chunk (for
// st.plotly_chart) put in window.Plotly when another chart of the app loaded it already,
// else the Python package's copy, a classic script that sets window.Plotly, loaded by a
// <script> tag. Either chunk may set window.Plotly again later: it is not read again, so
// a chart is never redrawn by another version.
function plotlyJs(src) {
  if (!window.__negsampPlotly && window.Plotly) {
    window.__negsampPlotly = Promise.resolve(window.Plotly);
  }
  if (!window.__negsampPlotly) {
    window.__negsampPlotly = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = () => resolve(window.Plotly);  // fired right after the script ran
      s.onerror = () => {
        window.__negsampPlotly = null;  // the next refresh tries again
        reject(new Error('Plotly.js did not load from ' + src));
      };
      document.head.appendChild(s);
    });
  }
  return window.__negsampPlotly;
}

export default function draw({ parentElement, data }) {
  let el = parentElement.querySelector('.' + data.cls);
  if (!el) {
    el = document.createElement('div');
    el.className = data.cls;
    parentElement.appendChild(el);
  }
  // "stretch": as high as the box the page's style gives the element; else the figure's
  el.style.height = data.stretch ? '100%' : data.height + 'px';
  el.__figure = data.figure;  // the newest: while Plotly.js loads, only the last is drawn
  // what Streamlit calls when the element goes (another page): no observer left behind
  const cleanup = () => {
    el.__resize?.disconnect();
    el.__resize = null;
  };
  return plotlyJs(data.plotly).then((Plotly) => {
    if (el.__figure !== data.figure) return cleanup;
    Plotly.react(el, data.figure.data, data.figure.layout,
                 {displaylogo: false, responsive: true});
    if (!el.__resize) {  // follow the box: a flex item resizes without a window resize
      el.__resize = new ResizeObserver(() => Plotly.Plots.resize(el));
      el.__resize.observe(el);
    }
    return cleanup;
  });
}
