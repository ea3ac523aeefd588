// A constructed style sheet for a shadow root: a page's Content-Security-Policy that refuses inline styles does not
// refuse these, so the widget keeps its looks on any site.
export function sheet(css) {
  const styles = new CSSStyleSheet();
  styles.replaceSync(css);
  return styles;
}
