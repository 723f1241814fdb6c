import { Font } from "@react-pdf/renderer";

// react-pdf hyphenates with English patterns by default, which breaks Italian words in wrong
// places. Words are kept whole, except very long unbroken strings (codes, addresses typed into a
// form), which are cut into pieces so they wrap instead of running off the page.
// Font settings are global to react-pdf, so this is set once, on import.
const MAX_WORD = 24;

Font.registerHyphenationCallback((word) => {
  if (word.length <= MAX_WORD) return [word];
  const parts: string[] = [];
  for (let i = 0; i < word.length; i += MAX_WORD / 2) parts.push(word.slice(i, i + MAX_WORD / 2));
  return parts;
});
