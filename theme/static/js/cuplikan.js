// A search result's excerpt, shared by the portal's search (cari.js) and
// a hub's search across portals (theme/hub/cari.js): both get Pagefind's
// results, the hub's from other portals' indexes.

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Pagefind cuts a result's excerpt from the page's indexed text: a run of
// words around the matches, which may start or stop mid-sentence, with a
// <mark> around each matching word and the word's punctuation ("kelinci:").
// The excerpt is rebuilt here, as text nodes, from the same words
// (data.content, split as Pagefind splits it) and the matches' places
// (data.locations): it starts at a sentence that begins a few words before
// or after Pagefind's cut (never past the first match), else with "…"; it
// ends at a sentence's end a few words after or before the cut (never before
// the last match), else with "…"; and a mark holds a word's letters and
// digits only. Pagefind has no option for any of these.
const NEAR = 8; // words
const ENDS_SENTENCE = /[.!?…]["'”’)\]]*$/u;
const STARTS_SENTENCE = /^["'“‘([]*[\p{Lu}\p{N}]/u;
const MATCH = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u;

// Where in `words` Pagefind cut its excerpt, [start, end): the place from
// which the words read as its plain text (escaped as Pagefind escapes it).
function pagefindCut(data, words) {
  const plain = data.plain_excerpt || "";
  const count = plain ? plain.split(" ").length : 0;
  const lead = (data.excerpt || "").split("<mark>")[0].trim();
  const before = lead ? lead.split(" ").length : 0;
  const escaped = (word) => word.replace(/</g, "&lt;").replace(/>/g, "&gt;");
  for (const start of [0, ...(data.locations || []).map((place) => place - before)]) {
    if (start >= 0 && words.slice(start, start + count).map(escaped).join(" ") === plain) {
      return [start, start + count];
    }
  }
  return null;
}

export function excerptNodes(data) {
  const paragraph = el("p", "search__excerpt");
  const words = (data.content || "").split(/[\r\n\s]+/g);
  const cut = pagefindCut(data, words);
  if (!cut) {
    // Not found (an index Pagefind wrote otherwise): its words as they are.
    paragraph.textContent = (data.plain_excerpt || "").replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">");
    return paragraph;
  }
  const marked = new Set(data.locations || []);
  const begins = (at) => at === 0 ||
    (ENDS_SENTENCE.test(words[at - 1]) && STARTS_SENTENCE.test(words[at]));
  const ends = (at) => at >= words.length || ENDS_SENTENCE.test(words[at - 1]);
  // The first of the places `at`, `at + step`, … (NEAR steps) that passes `test`.
  const near = (at, step, test) => [...Array(NEAR + 1).keys()].map((n) => at + n * step)
    .find(test);
  let [start, end] = cut;
  const places = [...marked].filter((place) => place >= start && place < end);
  const first = Math.min(end, ...places);
  const last = Math.max(start, ...places);
  start = near(start, -1, (at) => at >= 0 && begins(at)) ??
    near(start, 1, (at) => at <= first && begins(at)) ?? start;
  end = Math.min(words.length, near(end, 1, ends) ??
    near(end, -1, (at) => at > last && ends(at)) ?? end);
  let text = begins(start) ? "" : "… ";
  for (let at = start; at < end; at += 1) {
    if (at > start) text += " ";
    const parts = marked.has(at) ? words[at].match(MATCH) : null;
    if (parts && parts[2]) {
      paragraph.append(text + parts[1], el("mark", "", parts[2]));
      text = parts[3];
    } else {
      text += words[at];
    }
  }
  if (end < words.length && !ENDS_SENTENCE.test(words[end - 1])) text += " …";
  paragraph.append(text);
  return paragraph;
}
