// Isolate-side string extensions (n8n's documented set). Registered into __W.ext.String.
(function (g) {
  'use strict';
  const W = g.__W;
  const X = (W.ext = W.ext || {});
  const fail = (m, o) => { throw new W.ExpressionExtensionError(m, o); };

  // Currency symbols are stripped before numeric conversion, as n8n does.
  const CURRENCY = /(Lek|\u060b|\$|\u0192|\u20bc|Br|BZ\$|\$b|KM|P|\u043b\u0432|R\$|\u17db|\u00a5|\u20a1|kn|\u20b1|K\u010d|kr|RD\$|\u00a3|\u20ac|\u00a2|Q|L|Ft|\u20b9|Rp|\ufdfc|\u20aa|J\$|\u20a9|\u20ad|\u0434\u0435\u043d|RM|\u20a8|\u20ae|MT|C\$|\u20a6|B\/\.|Gs|S\/\.|z\u0142|lei|\u20bd|\u0414\u0438\u043d\.|S|R|CHF|NT\$|\u0e3f|TT\$|\u20ba|\u20b4|\$U|Bs|\u20ab|Z\$)/gu;
  const HOST = '(?:(?:[-\\w]+\\.)+(?:[a-zA-Z]{2,}|xn--[a-zA-Z0-9]+)|localhost|\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})';
  const DOMAIN_EXTRACT = new RegExp('^(?:(?:https?|ftp):\\/\\/)?(?:mailto:)?(?:\\/\\/)?((?:www\\.)?' + HOST + ')(?::\\d+)?(?:\\/[^\\s?]*)?(?:\\?[^\\s#]*)?(?:#[^\\s]*)?$', 'i');
  const DOMAIN = new RegExp('^(?:www\\.)?(' + HOST + ')(?::\\d+)?(?:\\/[^\\s?]*)?(?:\\?[^\\s#]*)?(?:#[^\\s]*)?$', 'i');
  const EMAIL = /(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@(?<domain>(\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))/;
  const URL_TAIL = '(?::\\d+)?(?:\\/[^\\s?#]*)?(?:\\?[^\\s#]*)?(?=([^\\s]+#.*)?)#?[^\\s]*';
  const URL_EXACT = new RegExp('^(?:(?:https?|ftp):\\/\\/)(?:www\\.)?(' + HOST + ')' + URL_TAIL + '$', 'i');
  const URL_ANY = new RegExp('(?:(?:https?|ftp):\\/\\/)(?:www\\.)?(' + HOST + ')' + URL_TAIL, 'i');
  const LETTER = /\p{L}/u;
  const SENTENCE_END = /[!?.]/;
  // Words the title-case library keeps lower case unless they start the text.
  const SMALL_WORDS = /^(a|an|and|as|at|because|but|by|en|for|if|in|neither|nor|of|on|only|or|over|per|so|some|than|that|the|to|up|upon|v|versus|via|vs|when|with|without|yet)$/i;
  const HASHES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3'];
  // Letters that do not decompose under NFD but have a conventional ASCII spelling.
  const TRANSLIT = { 'ß': 'ss', 'æ': 'ae', 'Æ': 'AE', 'ø': 'o', 'Ø': 'O', 'œ': 'oe', 'Œ': 'OE', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ð': 'd', 'Ð': 'D', 'þ': 'th', 'Þ': 'TH', 'ı': 'i', '€': 'EUR', '£': 'GBP', '“': '"', '”': '"', '„': '"', '‘': "'", '’': "'", '–': '-', '—': '-', '…': '...', '\u00a0': ' ' };

  function toDateTime(value, args) {
    const fmt = args[0];
    try {
      if (fmt) {
        if (fmt === 'ms' || fmt === 's' || fmt === 'us' || fmt === 'excel') return X.Number.toDateTime(Number(value), [fmt]);
        const dt = g.DateTime.fromFormat(value, fmt);
        if (!dt.isValid) throw new Error(dt.invalidReason);
        return dt;
      }
      return W.parseDateTime(value);
    } catch (e) {
      return fail('cannot convert to Luxon DateTime');
    }
  }

  function removeMarkdown(value) {
    let out = value.replace(/^([\s\t]*)([*\-+]|\d\.)\s+/gm, '$1');
    out = out.replace(/\n={2,}/g, '\n').replace(/~~/g, '').replace(/`{3}.*\n/g, '');
    return out
      .replace(/<[\w|\s|=|'|"|:|(|)|,|;|/|0-9|.|-]+[>|\\>]/g, '')
      .replace(/^[=-]{2,}\s*$/g, '')
      .replace(/\[\^.+?\](: .*?$)?/g, '')
      .replace(/\s{0,2}\[.*?\]: .*?$/g, '')
      .replace(/!\[.*?\][[(].*?[\])]/g, '')
      .replace(/\[(.*?)\][[(].*?[\])]/g, '$1')
      .replace(/>/g, '')
      .replace(/^\s{1,2}\[(.*?)\]: (\S+)( ".*?")?\s*$/g, '')
      .replace(/^#{1,6}\s*([^#]*)\s*(#{1,6})?/gm, '$1')
      .replace(/([*_]{1,3})(\S.*?\S)\1/g, '$2')
      .replace(/(`{3,})(.*?)\1/gm, '$2')
      .replace(/^-{3,}\s*$/g, '')
      .replace(/`(.+?)`/g, '$1')
      .replace(/\n{2,}/g, '\n\n');
  }

  function toTitleCase(value) {
    let first = true;
    return value.replace(/[^\s]+/g, (word) => {
      const isFirst = first;
      first = false;
      if (!isFirst && SMALL_WORDS.test(word)) return word;
      return word.replace(/\p{L}/u, (c) => c.toLocaleUpperCase());
    });
  }

  function toSentenceCase(value) {
    let current = value;
    let buffer = '';
    while (LETTER.test(current)) {
      const i = current.search(LETTER);
      current = current.slice(0, i) + current[i].toLocaleUpperCase() + current.slice(i + 1).toLocaleLowerCase();
      const p = current.search(SENTENCE_END);
      if (p === -1) return buffer + current;
      buffer += current.slice(0, p + 1);
      current = current.slice(p + 1);
    }
    return buffer + current;
  }

  function replaceSpecialChars(value) {
    let out = '';
    for (const ch of value.normalize('NFD')) {
      const code = ch.codePointAt(0);
      if (code < 128) out += ch;
      else if (code >= 0x300 && code <= 0x36f) continue;
      else out += TRANSLIT[ch] !== undefined ? TRANSLIT[ch] : '?';
    }
    return out;
  }

  function isEmail(value) {
    return EMAIL.test(value) && !value.includes(' ');
  }

  X.String = {
    hash(value, args) {
      const algo = args[0] === undefined ? 'md5' : String(args[0]).toLowerCase();
      if (algo === 'base64') return W.call('b64enc', value);
      if (!HASHES.includes(algo)) fail('Unknown algorithm ' + algo + '. Available algorithms are: ' + HASHES.join() + ', and Base64.');
      return W.call('hash', algo, value);
    },
    removeMarkdown,
    removeTags: (v) => v.replace(/<[^>]*>?/gm, ''),
    toDate(v) {
      const d = new Date(Date.parse(v));
      if (d.toString() === 'Invalid Date') fail('cannot convert to date');
      if (!/:/.test(v)) d.setHours(0, 0, 0);
      return d;
    },
    toDateTime,
    toBoolean(v) {
      const n = v.toLowerCase();
      return n.length > 0 && n !== 'false' && n !== 'no' && n !== '0';
    },
    toNumber(v) {
      const n = Number(v.replace(CURRENCY, ''));
      if (isNaN(n)) fail('cannot convert to number');
      return n;
    },
    toFloat(v) {
      if (v.includes(',')) fail('cannot convert to float, expected . as decimal separator');
      const f = parseFloat(v.replace(CURRENCY, ''));
      if (isNaN(f)) fail('cannot convert to float');
      return f;
    },
    toInt(v, args) {
      const i = parseInt(v.replace(CURRENCY, ''), args[0]);
      if (isNaN(i)) fail('cannot convert to integer');
      return i;
    },
    toSentenceCase,
    toSnakeCase: (v) => v.toLocaleLowerCase().replace(/[ \-]/g, '_').replace(/[\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&()*+,./:;<=>?@\[\]^`{|}~]/g, ''),
    toTitleCase,
    urlDecode: (v, args) => (args[0] ? decodeURI(String(v)) : decodeURIComponent(String(v))),
    urlEncode: (v, args) => (args[0] ? encodeURI(String(v)) : encodeURIComponent(String(v))),
    quote(v, args) {
      const q = args[0] === undefined ? '"' : String(args[0]);
      return q + v.replace(/\\/g, '\\\\').split(q).join('\\' + q) + q;
    },
    replaceSpecialChars,
    length: (v) => v.length,
    isDomain: (v) => DOMAIN.test(v),
    isEmail,
    isNumeric: (v) => !v.includes(' ') && !isNaN(v) && !isNaN(parseFloat(v)),
    isUrl: (v) => URL_EXACT.test(v),
    isEmpty: (v) => v === '',
    isNotEmpty: (v) => v !== '',
    isBlank: (v) => v.trim() === '',
    isNotBlank: (v) => v.trim() !== '',
    toJsonString: (v) => JSON.stringify(v),
    extractEmail(v) {
      const m = EMAIL.exec(v);
      return m ? m[0] : undefined;
    },
    extractDomain(v) {
      if (isEmail(v)) {
        const m = EMAIL.exec(v);
        return m && m.groups ? m.groups.domain : undefined;
      }
      const m = v.match(DOMAIN_EXTRACT);
      return m ? m[1] : undefined;
    },
    extractUrl(v) {
      const m = URL_ANY.exec(v);
      return m ? m[0] : undefined;
    },
    extractUrlPath(v) {
      // No URL class in the isolate: the WHATWG pathname of an absolute URL, by hand.
      const m = /^[a-zA-Z][a-zA-Z\d+\-.]*:\/\/[^/?#]*([^?#]*)/.exec(v.trim());
      if (!m) return undefined;
      return m[1] === '' ? '/' : m[1];
    },
    parseJson(v) {
      try {
        return JSON.parse(v);
      } catch (e) {
        return fail(v.includes("'") ? "Parsing failed. Check you're using double quotes" : 'Parsing failed');
      }
    },
    base64Encode: (v) => W.call('b64enc', v),
    base64Decode: (v) => W.call('b64dec', v),
  };
  X.String.toDecimalNumber = X.String.toFloat;
  X.String.toWholeNumber = X.String.toInt;
})(globalThis);
