"""Find the entities a paper's title and abstract mention (ENTITY_GUIDE.md).

Three sources of evidence, in order of trust:

1. the SKOS vocabularies in ``ontology/vocab`` (labels matched in text);
2. definitions in the text itself: acronyms defined as "long form (SF)"
   (Schwartz & Hearst 2003), the paper's own name before the colon of its
   title, and named artifacts described by a head noun ("X, a ... framework",
   "an architecture called X"), typed by the lexicon in ``ontology/lexicon.ttl``;
3. names with a parameter count (``Foo-7B`` is a model) and vendor SKUs
   (``NVIDIA RTX 4070`` is hardware).

Per paper the result is a set of mentions, each naming one canonical entity.
``extract_corpus`` then settles one type per entity across papers and finds
the names discovered in one paper wherever else they occur.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from itertools import accumulate
from dataclasses import dataclass, field

from .names import fold
from .vocabulary import (NUMBERED, Concept, Vocabulary, compile_matchers, fold_separators, load_vocabulary,
                         lower_same_length, verb_forms)

# Evidence strength for settling one type per entity.
_VOCAB, _APPOSITIVE, _TITLE, _ACRONYM, _PATTERN = 5, 4, 3, 2, 1

# (bounded repetitions here and below keep every pattern linear in the text's
# length: a name is at most 80 characters, a list at most 20 names)
_NAME = r"[A-Za-z0-9\u0391-\u03c9][\w.+*!\-^${}]{0,80}[\w+*!}]|[A-Z0-9]"  # Greek too: "μScale", "Δ-DiT"
_NAME_RE = re.compile(_NAME)
# the head noun that says what a name is: "SpecFPGA, an FPGA accelerator that", "PIM-GPT: A Hybrid ... Accelerator for"
_NAMES_HEAD = re.compile(r"(?:\b[A-Z][\w\-]+,\s+(?:an?|the)|^[^:\n]{2,40}:\s+An?)\s+(?:[\w\-]+\s+){0,5}?"
                         r"(?P<head>[\w\-]+?)s?(?=\s+(?:for|that|which|with|to|on|in|of)\b|[,.;:]|\s*$)", re.M)
_TITLE_NAME = re.compile(r"^(?P<name>[^:]{1,60}?)\s*(?::|\s--\s|\s[\u2013\u2014]\s)\s*(?P<rest>.*)$")
_FUNCTION_WORDS = frozenset(
    "a an the of for in on to with via by and or from is are all you need at as into "
    "using towards toward beyond through when what how why can do does not its our we".split()
)
_LEADING_ADJECTIVES = frozenset(
    "fast faster efficient scalable accelerating optimizing improving learning "
    "rethinking revisiting understanding exploring enabling simple large small deep "
    "towards toward beyond on the a an".split()
)
# the words of a title's description up to its first preposition, clause or punctuation
_NOUN_PHRASE = re.compile(r"(?:(?!(?:for|via|with|by|through|on|in|to|of|from|using|at|as|and|or|towards?)\b)[\w\-+.]+\s*)*", re.I)
# the verbs a paper proposes its own work with, in every tense ("develop", "developed")
_PROPOSAL_VERBS = r"(?:propose[sd]?|present(?:s|ed)?|introduce[sd]?|develop(?:s|ed)?|design(?:s|ed)?|devise[sd]?)"
# "we propose (a novel) <technique>": the paper's own technique, even when written once
_PROPOSED_BEFORE = re.compile(
    r"\b(?i:we|this paper|this work)\s+(?:\w+\s+)?(?i:" + _PROPOSAL_VERBS + r")"
    r"\s+(?:(?:an?|the|novel|new|simple|our)\s+)*$"
)
# "Cornstarch introduces (a) <technique>", "It employs ...": the system a paper names (or "It")
# brings in its own technique
_NAMED_PROPOSER_BEFORE = re.compile(
    r"(?<![\w\-])[A-Z][\w\-]*(?:[A-Z0-9][\w\-]*)?\s+(?:further\s+|also\s+)?(?:introduces|proposes|presents|employs|incorporates|adopts|features)"
    r"\s+(?:(?:an?|the|novel|new|simple|its)\s+)*$"
)
# (possessive *+: a word never gives back letters, which halves the time)
_ELLIPSIS = re.compile(
    r"(?<![\w\-/])(?P<items>[a-z][\w\-]*+(?:\s*,\s*[a-z][\w\-]*+)*,?\s+(?:and|or)\s+[a-z][\w\-]*+"
    r"|[a-z][\w\-]*+(?:/[a-z][\w\-]*+)+)\s+(?P<head>[a-z][\w\-]*+)"
)
_TWO_PHRASES = re.compile(r"[\w\-]+,\s+(?:and|or)\s+[\w\-]+")  # "A, and B": an Oxford comma needs three items
# "data- and tensor-parallelism": items left with a hyphen share the last item's head
_SUSPENDED_HYPHEN = re.compile(
    r"(?<![\w\-/])(?P<items>[a-z][a-z0-9]*-(?:\s*,\s*[a-z][a-z0-9]*-)*(?:\s*,?\s+(?:and|or)\s+|\s*/\s*))"
    r"[a-z][a-z0-9]*-(?P<head>[a-z][\w\-]*)"
)
_HYPHENED_ITEM = re.compile(r"([a-z][a-z0-9]*)-")
_PAREN_LIST = re.compile(
    r"\((?:e\.g\.,?|i\.e\.,?|such as|including)?\s*"
    r"(?P<items>[a-z][\w\-]*(?:\s*,\s*(?:and\s+|or\s+)?[a-z][\w\-]*)+)\)"
)
_HEAD_BEFORE_PAREN = re.compile(r"(?<![\w\-])([a-z][\w\-]*)(?:\s+([a-z]+))?\s*$")
# "X outperforms vLLM by", "X achieves 2x speedup over FasterTransformer"
_COMPARED = re.compile(r"\b(?:[^.;]|\.(?=\d)){0,60}?\b(?:outperforms?|over|than|compared (?:to|with)|against|vs\.?|versus)\s+"
             r"(?:the\s+)?(?:state-of-the-art\s+|existing\s+|baseline\s+)*(?P<other>[A-Za-z][\w.+\-]*[\w+])")
_ACRONYM_NAME = re.compile(r"[A-Z][A-Z0-9]{1,7}")
_ACRONYM_PART = re.compile(r"[A-Z][A-Za-z]{0,4}[A-Z]")  # "MoE", "LLM" in a name
_DEVICE_FIRST = re.compile(r"([A-Z]{2,5})[\s\-]")  # "CPU" of "CPU offloading"
_NEXT_CAPITAL = re.compile(r"\s+[A-Z0-9]")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][\w\-]*)")
_PREPOSITIONS = frozenset("on for with in of from to at by via across over under into onto within".split())
_STOP_BOUNDARY = frozenset(
    "for via with by through on in to of from that which who using based at under over across "
    ", ; : . ( ) as than".split()
)
_SIZE_HINT = re.compile(r"\d\s?[BM](?!\w)")  # no size, no need for _SIZE's slower scan
_SIZE = re.compile(
    r"(?<![\w.\-])(?P<family>[A-Z][A-Za-z]*(?:[.\-][A-Za-z]+)*)(?:[\s-]?(?P<version>\d+(?:\.\d+)?))?"
    r"[\s:-](?P<size>\d+(?:\.\d+)?)\s?[BM](?![\w])"  # also a tag's "Qwen3.5:2B"
)
_PROPOSE = re.compile(
    r"\b(?i:we|this paper|this work|this thesis|the paper)\s+(?:\w+\s+){0,2}?"
    r"(?i:" + _PROPOSAL_VERBS + r"|build|builds|built|implement(?:s|ed)?|release[sd]?|call|name|dub|term)\s+"
    r"(?P<name>" + _NAME + r")(?=[\s,;:.(])"
)
# ", a ...", ": a ...", " is a ...", ", which is a ...", " (a ...)": what a name is
_APPOSITIVE_RE = re.compile(r"(?:(?:[,:]\s+|\s?[—–]\s?| --? )(?:(?:which|that)\s+)?(?:(?:is|was)\s+)?"  # ", a", "—a", " - a"
                            r"|(?<!\s)\s+(?:(?:is|was)\s+|\())"
                            r"(?P<det>a|an|our|the\s+first|the\s+only)\s+"
                            # read, not taken: a second appositive in it is matched too ("X, a dataset ..., and Y, a
                            # recipe"); a short parenthesis is part of it ("a Mixture-of-Experts (MoE) model")
                            r"(?=(?P<desc>(?:[^.;:()]|\.(?=\d)|\([^()]{0,40}\)){1,160}))")  # "a 3.8B model"
# "X" or "X (its expansion)" just before a description; or "its expansion (X)"
_NAME_AT_END = re.compile(r"(?<![\w-])(?P<name>" + _NAME + r")\s*(?:\([^()]{1,80}\)\s*)?$")
_NAME_IN_PARENS_AT_END = re.compile(r"\((?P<name>" + _NAME + r")\)\s*$")
_CALLING_WORDS = ("called", "named", "dubbed", "termed", "namely", "coined", "designated", "referred", "denoted")  # looked for first: cheaper
_CALLING_BEFORE = re.compile(
    r"(?<![\w\-])(?P<head>[a-z]+)(?:,|\s+(?:called|named|dubbed|termed|coined|(?:designated|referred\s+to|denoted)\s+as))\s+$")
_CALLED = re.compile(  # the name maybe quoted: 'dubbed "Heron-KV"'
    r"\b(?:called|named|dubbed|termed|namely,?|coined|(?:designated|referred\s+to|denoted)\s+as)\s+[\"“'‘]?"
    r"(?P<name>" + _NAME + r")[\"”'’]?(?=[\s,;:.()])"
)
_MORE_NAME = re.compile(r"(?:,\s+|,?\s+and\s+)(?P<name>" + _NAME + r")(?=[\s,;:.()])")  # the next item of a list
_NAME_DUBBED = re.compile(
    r"(?<![\w\-])(?P<name>" + _NAME + r"),\s+(?:dubbed|called|named|termed)\s+[\"“'‘]?(?P<alias>" + _NAME + r")"
)
# "systems such as FasterTransformer and Orca", "compilers including Triton, TVM and Ladder"
_LISTED_NAME = r"[A-Za-z\u0391-\u03c9][\w.+\-]*[\w+]"
_HEAD_SUCH_AS = re.compile(
    r"\b(?P<head>[A-Za-z][a-z]+)\s*,?\s+(?:such\s+as|including|like)\s+"
    r"(?P<names>" + _LISTED_NAME + r"(?:(?:\s*,\s*" + _LISTED_NAME + r")*,?\s+(?:and|or)\s+" + _LISTED_NAME
    + r"(?!\s+(?:such\s+as|including|like)\s))?)(?![\w\-])"  # "systems such as X, and frameworks such as Y"
)
_NAMES_THEN_HEADS = re.compile(
    r"(?<![\w\-])(?=\S[\w.+*!\-^${}]{0,80}?[A-Z0-9])"
    r"(?P<names>(?:" + _NAME + r")(?:\s*,\s*(?:" + _NAME + r")){0,20},?\s+(?:and|or)\s+(?:" + _NAME + r"))"
    r"\s+(?P<head>[a-z]+)s\b"
)
# a sentence opened by a prepositional phrase, up to its first comma: what follows is the subject
_INTRO_PHRASE = re.compile(r"(?:^|[.!?]\s+)(?:In|On|With|Using|For|Under|Across|Compared\s+(?:to|with)|Unlike|Through|"
                           r"During|After|Before|Over|When|Evaluated\s+(?:on|with|against))\s"
                           r"(?:(?!\b(?:we|is|are|was|were)\b)(?:[^,.;:]|\.(?=\d)))*$")  # not "In this paper we present X, a"
_DEVICE_CLASSES = (" GPU", " GPUs", " CPU", " CPUs", " TPU", " TPUs", " NPU", " NPUs", " FPGA", " FPGAs")
_TRAILING_VERSION = re.compile(r"[\s\-]v?\d+(?:\.\d+)*$")  # "FooBar 2.0", "Zorb-v2"
_NUMBER_FORMAT = re.compile(r"(?i:(?:mx|nv)?(?:fp|int|uint|bf)\d{1,2}|e\d+m\d+|w\d+a(?:\d+|x)(?:kv\d+)?|i?q\d+(?:_[a-z0-9]+)+)")
_ITEM_NOUNS = frozenset("problems questions examples pairs instances samples prompts puzzles exercises".split())
_MAKERS_KIT = re.compile(r"(?:[ \t]+[A-Z][\w\-]*){0,3}[ \t]+(?:SDK|Kit|Toolkit|Library|API|Runtime)(?![\w\-])")
_SUCH_AS_HINT = re.compile(r"such as|includ|\blike\b")  # cheap tests before the list patterns' scans
_OUR_HEAD_NAME = re.compile(  # the name has a capital: "our measurement harness, ScaleProbe" is no "harness" named so
    r"\b[Oo]ur\s+(?:[\w\-]+\s+){0,2}?(?P<head>[a-z]+),?\s+(?P<name>(?=[A-Z0-9]|[a-z][\w\-]*[A-Z])" + _NAME + r")(?=[\s,;:.(])")
_NEXT_TITLE_WORD = re.compile(r"[ \t]+([A-Z][a-z][\w\-]*)(?=[\s,;:.(])")
_HEAD_BEFORE = re.compile(r",\s+(?P<name>" + _NAME + r")(?:\s*\([^()]{1,60}\))?,")
# the last words before a point, read backwards: "(?:[\w\-]+\s+){0,7}[\w\-]+,?\s*$" reversed
# (an end-anchored search would try every start in the window)
_LAST_WORDS_REVERSED = re.compile(r"\s*(?:[,(]\s*)?[\w\-]+(?:\s+[\w\-]+){0,7}")
# "PatrickStar system", "the Flover framework": a name followed by its head noun
# (the look-ahead skips words that cannot be names: no capital or digit after the first letter)
_NAME_THEN_HEAD = re.compile(
    r"(?<![\w-])(?=\S[\w.+*!\-^${}]{0,80}?[A-Z0-9])(?P<name>" + _NAME + r")\s+(?P<head>[a-z]+(?:-[a-z]+)*(?:\s[a-z]+)?)\b"
)
# "the code generator LoopNest", "dataset BM-6B": a head noun, then a name
_NAME_AFTER_WORD = re.compile(
    r"(?<=[a-z] )(?=[A-Z][\w.+*!\-]{0,80}?[A-Z0-9])(?P<name>" + _NAME + r")(?=[\s,;:.)])"
)
# "we present Zorb Serve, a ...": a name of several capitalised words the paper proposes and describes
_PROPOSED_WORDS_NAME = re.compile(
    r"\b(?i:we|this paper|this work)\s+(?:\w+\s+)?(?i:" + _PROPOSAL_VERBS + r"|build|builds|built)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){1,3})(?=,\s)"
)
# "we propose a Token-Splitting technique": a proposed name before a kind noun
_PROPOSE_NAMED_KIND = re.compile(
    r"\b" + _PROPOSAL_VERBS + r"\s+(?:an?|our)\s+(?:[a-z]+\s+){0,2}?"
    r"(?P<name>[A-Z][\w\-]{1,40})\s+(?P<kind>[a-z]+)\b"
)
# "a data reduction technique (Variance Horizon)": a head noun, then a name in parentheses
_PAREN_NAME = re.compile(r"(?<=[a-z] )\((?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})\)")
# "SpecExec (Speculative Execution)": a name followed by its expansion
_NAME_THEN_EXPANSION = re.compile(r"(?<![\w-])(?=[\w.+*!\-^${}]{1,82}\s+\()(?P<name>" + _NAME + r")\s+\((?P<long>[A-Za-z][\w\-]*(?:\s+[\w\-]+){1,7})\)")
_ACRONYM_RE = re.compile(r"\((?P<sf>[^()\s;,]{2,12})\)")
# "MoE-based", "4-bit", "BERT-like": modifiers, not names
_MODIFIER_SUFFIX = re.compile(
    r"-(?:based|like|related|scale|aware|bit|level|specific|style|free|agnostic|oriented|centric|"
    r"friendly|efficient|optimized|enabled|powered|driven|times|wise|only|size|sized|aided|initialized|"
    r"stage|step|phase|tier|way|fold|side|"
    r"guided|assisted|inspired|compatible|native|intensive|bound|tuned|finetuned|trained|pretrained|distilled|quantized|pruned)$",
    re.IGNORECASE,
)
_COORDINATED = re.compile(r"(?P<word>[A-Za-z][\w\-]*)\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|/)$")
_WORD_BEFORE_CONJUNCT = re.compile(r"(?<![\w\-])([A-Za-z][\w\-]*)\s+$")
_MODEL_WORDS = re.compile(r"\b(?:model|transformer|neural|llm|language|vision|encoder|decoder|gpt|bert)", re.I)
_ITEM = r"[A-Za-z0-9][\w.+\-]{0,60}[\w+]"
_LIST = re.compile(
    r"(?<![\w\-])" + _ITEM + r"(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)" + _ITEM + r"){2,}(?![\w\-])"
)
# "benchmarks: ", "frameworks such as ": the noun that introduces a list
_LIST_HEAD = re.compile(r"\b(?P<head>[a-z]+)\s*(?::|,?\s+(?:such\s+as|including|like|namely))\s+$")
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_PREV_WORD = re.compile(r"(\w+)\W+$")
# what an institution is named after: "in partnership with", "funded by", "supported by"
_BY_INSTITUTION = re.compile(r"\b(?:(?:partnership|collaboration|cooperation)\s+with|(?:funded|supported|sponsored|hosted)\s+by)"
                             r"\s+(?:the\s+)?$", re.IGNORECASE)
_COLLECTIVE_NOUNS = frozenset({"suite", "collection", "family", "series", "set"})  # "a suite of <what it holds>"
_PLURAL_END = re.compile(r"[^siu]s$")  # "machine learning systems (MLSys)": a class; not "analysis", "bus"
_SURVEY = re.compile(r"\s*(?:A|An)\s+(?:\w+\s+){0,2}?(?:Survey|Review|Overview|Tutorial|Primer|Study|Analysis|Perspective)\b", re.I)
_REPORT_WORDS = re.compile(r"^(?:Introducing|Announcing)\s+|\s+(?:Technical\s+Report|Tech\s+Report|System\s+Card|Model\s+Card|"
                           r"Release\s+Notes?)$", re.IGNORECASE)
_BARE_VERSION = re.compile(r"[vV]?\d+(?:\.\d+)*")  # "V2" of "MobileVLM V2-1.7B" is no model's name
_VERSION_NUMBER = re.compile(r"v?\d{1,2}(?:\.\d+)?")  # not a year
_NAME_BEFORE_VERSION = re.compile(r"(?<![\w\-])[A-Z][\w.\-]*\s+$")
_COINED_MARK = re.compile(r"[*+!]")  # "Hogwild! Inference", "MoE++", "S*": marks of a coined name
_THE_WORD_THEN_HEAD = re.compile(r"\b[Tt]he\s+(?P<name>[A-Z][a-z]{3,})\s+(?P<head>[a-z]+(?:-[a-z]+)*(?:\s[a-z]+)?)\b")
_PROPER_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish|ic|al|ive|ous|ary|ed|ing)$")  # "the Bayesian framework"
_NUMBERED = re.compile(r"([A-Za-z]+)[\s\-]?\d+[a-z]?")  # "Layer 2", "Stage-1", "Phase 2b"
_MODEL_AS_MODIFIER_OF = frozenset("serving inference training deployment workload workloads applications".split())
_SYSTEM_ARCHITECTURE_WORDS = frozenset(
    "cloud serving storage software system systems distributed loading deployment microservice service".split())
_SYSTEM_WORD = re.compile(r"\b(?:[Ss]ystem|[Ff]ramework|[Pp]latform|[Ee]ngine|[Rr]untime|[Ll]ibrar(?:y|ies)|[Tt]ool)s?\b")
_METHOD_WORD = re.compile(r"\b(?:[Mm]ethod|[Aa]lgorithm|[Tt]echnique|[Aa]pproach|[Ss]cheme|[Ss]trateg(?:y|ies))s?\b")
_TITLE_WORD = re.compile(r"[A-Z][a-z]{2,}")
_CAPITAL_OF_BEFORE = re.compile(r"(?<![\w\-])[A-Z][\w\-]* of $")  # "Graph of " of "the Graph of Effort"
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w-])(?!(?:the|a|an|this|that|these|those|our|its|their|each|every)\s)[a-z]+\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)$")
# "(?<![\w\-])([A-Za-z][a-z]*(?:-[A-Za-z][a-z]*)*)[ \t]+$" read backwards
_PREV_TOKEN_REVERSED = re.compile(r"[ \t]+((?:[a-z]*[A-Za-z]-)*[a-z]*[A-Za-z])(?![\w\-@])")  # not the "k" of "Pass@k"
_TOKEN_BEFORE = re.compile(r"(?<!\S)(\S+)[ \t]+$")
_SIZE_SUFFIX = re.compile(r"[-\s:]A?\d+(?:\.\d+)?[BMK](?:[-\s][\w.\-]+)?$")  # also active parameters: "-A2.7B"
# "BERT-Large", "Bert-Mini": a size of a known model, not another model
_SIZE_WORD = re.compile(r"[-\s](?i:base|large|small|tiny|mini|medium|xl|xxl|huge)$|-[TSBLHG]$")  # "ViT-L", "Swin-T"
_QUALIFIED_BY_PARTICIPLE = frozenset({"weight", "version", "variant", "checkpoint", "parameter", "counterpart"})
_NEXT_WORD_OR_PART = re.compile(r"(?:[ \t]+|-)([A-Za-z][\w\-]*)")
_NEXT_WORD_GAP = re.compile(r"[ \t\-]+")
# where a definition's head noun phrase ends: "Exascale supercomputer | at ...", "Training chip | for the Dojo supercomputer"
_DEFINITION_HEAD = re.compile(r" (?:of|for|at|in|on|with|built|from)\b| ?\(|[,;.]")
_GLUED_COUNT = re.compile(r"(?<![\w.])(\d+)x(?=[A-Z])")
_URL_DOMAINS = (".com/", ".org/", ".io/", ".net/", ".ai/", ".co/", ".dev/", ".edu/", ".cn/")
_URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+|\b[\w.-]{1,200}\.(?:com|org|io|net|ai|co|dev|edu|cn)/\S*")
_SIZED_BEFORE = re.compile(r"(?:[A-Z][\w.]*|\d)[\s-]\d+(?:\.\d+)?[BM]-$")  # "CodeLlama-34B-", "Llama 2 7B-"; not "a 13B-"
_LINK_AFTER = re.compile(r": {8}")  # a colon, then a link blanked out (_URL)
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
# a product number after a hardware line's name: "VHK158", "910B", "8380", "MI250X"
_UNIT_END = re.compile(r"\d(?:[KMGTP]B|[KMG]?W|[KMG]Hz|nm)$")  # a size, power or clock, not a product number
# (and an Intel workstation part, "Xeon w5-3435X"); after a tier that ends a
# line's name a hyphen joins the number: "Core i7" + "-13700H"
_SKU = re.compile(r"[ \t](?P<sku>[A-Z]{0,4}\d{2,5}[A-Z]{0,3}|[a-uw-z]\d-\d{3,5}[A-Z]{0,3})(?![\w\-.]*\w)")
_TIER_END = re.compile(r"(?<![\w\-])[a-uw-z]\d$")
_HYPHEN_SKU = re.compile(r"-(?P<sku>\d{3,5}[A-Z]{0,3})(?![\w\-.]*\w)")
_COINED = re.compile(r"(?<![\w\-.])[A-Za-z\u0391-\u03c9](?=[\w^\-.]*?[A-Z0-9])[\w^]*(?:[\-.][\w^]+)*")
_LABEL_VERSION = re.compile(r"(?P<family>[A-Za-z][\w\-]*?[A-Za-z])(?P<space> ?)\d+(?:\.\d+)?")  # "Gemma 3", "Qwen2.5"
_LETTER_NUMBER = re.compile(r"[A-Z]\d{1,2}")
_RANGE_BEFORE = re.compile(r"(?<![\w\-])([A-Z])\d{1,2}\s?[-\u2013]\s?$")
_RANGE_AFTER = re.compile(r"\s?[-\u2013]\s?([A-Z])\d{1,2}(?![\w\-])")
_VERSION_SUFFIX = re.compile(r"(?:-?[vV]\d+(?:\.\d+)?|-[A-Z]\d+(?:\.\d+)?|-\d(?:\.\d+)?|(?<=[a-z])\d(?:\.\d+)?)$")
_LAST_PART = re.compile(r"(?:(?<=-)|(?<=[a-z0-9^])(?=[A-Z]))[A-Za-z][\w]*$")
# the versions or product numbers that follow a name ending in one
_LAST_NUMBER = re.compile(r"[A-Za-z]{0,3}\d+(?:\.\d+)?[A-Za-z]{0,3}$")
_MORE_VERSIONS = re.compile(r"(?:/[A-Za-z]?\d+(?:\.\d+)?(?!\w|\.\d))*")
_MORE_SKUS = re.compile(r"(?:(?:\s*/\s*|\s*,\s*(?:and\s+)?|\s+and\s+)[A-Za-z]{0,3}\d{1,5}[A-Za-z]{0,3}(?!\w|\.\d))*")
_SIBLING = re.compile(r"[A-Za-z]{0,3}\d[\w.]*")
_VARIANT = re.compile(r"-[A-Z0-9][A-Za-z0-9]{0,3}(?:,[A-Z0-9][A-Za-z0-9]{0,3})*(?![\w\-])")
# a product tier after a model's name names a model of its own, as in the vocabulary ("GPT-4 Turbo",
# "Gemini 1.5 Pro"); sizes ("-mini", "Large") fold into the model (guide rule 3)
_MODEL_TIER = re.compile(r"[ \-](?:Pro|Lite|Turbo|Ultra|Plus|Max|Flash|Heavy)(?![\w\-])")
_SPACED_VERSION = re.compile(
    r" (?P<number>[vV]?\d(?:\.\d)?)(?![\w.%×]|\.\d|\s?(?:[BMKbmk]|x|times|bits?|layers|billion|million|trillion|thousand)\b)"
)
_GLUED_LAST_WORD = re.compile(r"(?<=[A-Za-z0-9])[A-Z][a-z]{3,}$")  # "LLMCompiler", "FlashDecoding"
_DIGITS_APART = re.compile(r"(?<=[A-Za-z])(?=\d)")
# the last word of a name is a noun: not "rigorous experimental", "zeroth-order"
_ADJECTIVE = re.compile(r"(?:al|ic|ive|ous|able|ible|ful|less|ed|ary|ory|ish|ly|parallel|order|rank|time|grained|level|stage|step|style)$")
_USING_BEFORE = re.compile(r"\b(?:via|using|through|leveraging|employing|adopting|applying|with)\s+$", re.I)
# a numbered item of a list of contributions: "introduces (i) a dynamic ... scheduling strategy", "(2) ..."
_ENUMERATED_BEFORE = re.compile(r"(?:\(\s*(?:[ivx]+|\d+|[a-e])\s*\)|(?<![\w(])(?:[ivx]+|\d)\))\s+(?:an?\s+|the\s+)?$")
_NOVEL_BEFORE = re.compile(r"\b(?:novel|new)\s+$", re.I)
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten single dual double triple multiple".split())
# "high computation parallelism": a degree word before a phrase makes it a property
_SIZE_ADJECTIVES = frozenset("long short large small wide narrow deep shallow".split())  # "long context", "large batch"
_DEGREE_WORD = re.compile(r"\b(?:high|higher|highest|low|lower|lowest|more|less|greater|limited|maximal|minimal)\s+")
_VERB_BEFORE = re.compile(r"\b(?:we|to|they|can|could|may|might|will|would|should|must|often|also)\s+$", re.I)
_LABEL_REACH = 60  # how far a vocabulary label may reach past a name inside it
_APPLIED_WITH = frozenset({"on", "from", "to"})  # after a participle: what the technique was applied on, from, to
_PASSIVE_NEXT = frozenset({"on", "with", "to", "for", "by", "using", "in", "into", "across", "at", "from", "via", "and", "or"})
_SUBJECT_BEFORE = re.compile(r"\b(?:we|they|can|could|may|might|will|would|should|must)\s+$", re.I)  # then a verb
_FREE_AFTER = re.compile(r"-free(?![\w\-])", re.I)  # "fine-tuning-free", not "LoRA-freezing"
_NONSPACE = re.compile(r"\S+")
_WORD_GOES_ON = re.compile(r"[\w\-]")
_CODE_AFTER = re.compile(r"\s+(?:source\s+)?(?:code|programs?|language|compilers?|functions?|binaries|implementations?|codebases?"
                         r"|structs?|projects?|librar(?:y|ies)|files|headers?|snippets?|repositor(?:y|ies)|developers)\b")
_TRANSLATED_TO = re.compile(r"(?:\s+|-)(?:to|into)(?:\s+|-)(?:[A-Za-z]+\s+)?")  # "C to Rust", "From C to Idiomatic Rust"
_JOINED_BEFORE_WORD = re.compile(r"\s(?:and|or|&)\s+$")
_PER_WORD = re.compile(r"(?<![\w\-])[Pp]er(?![\w\-])")  # "Tokens Per Second": a rate
_MODEL_INSIDE = re.compile(r"(?<![\w\-])([A-Za-z][\w\-]*)\s+(?:LLM|[Mm]odel)s?\s+([A-Za-z][\w\-]*)(?![\w\-])")
_JOINED_AFTER = re.compile(r",\s*|\s+(?:and|or)\s+")
_CHAIN_PART = re.compile(r"[\w+#]+")
_PAREN_AFTER = re.compile(r"\s*\([^()]{1,40}\)")
_PAREN_BEFORE = re.compile(r"\s*\([^()]{1,40}\)$")
_JOINED_BEFORE = re.compile(r"(?:/|,|\s(?:and|or))\s*$")
# "outperforms SparQ and Loki", "1.8x over existing methods such as KFAC": the names a comparison lists
_COMPARED_HINT = re.compile(r"outperform|\bover\b|\bthan\b|compared|against|\bvs\b|versus")
_COMPARED_LIST = re.compile(
    r"\b(?:outperform(?:s|ing|ed)?|over|than|compared (?:to|with)|against|vs\.?|versus)\s+(?:the\s+)?"
    r"(?:(?:state-of-the-art|SOTA|existing|baseline|prior|previous|leading|strong|competing|popular)\s+)*"
    r"(?:(?:methods?|systems?|baselines?|approaches|frameworks?|techniques?|solutions?|works?)\s*,?\s*"
    r"(?:such as|like|including|e\.g\.,?)\s+)?"
    r"(?P<names>(?:[A-Za-z][\w.+\-]*[\w+](?:,\s+|,?\s+(?:and|or)\s+))*[A-Za-z][\w.+\-]*[\w+])"
    r"(?=\s*(?:[,;:.)]|$|\s(?:by|on|in|with|across|at|for|while|when|under|and|or|\()\b))")
_LIST_JOINS = re.compile(r",?\s+(?:and|or)\s+|,\s+")


def _compared_lists(abstract: str):
    """The names each comparison in ``abstract`` lists, as written."""
    for m in _COMPARED_LIST.finditer(abstract):
        names = _LIST_JOINS.split(m["names"])
        if all(n[0].isupper() or any(c.isupper() for c in n[1:]) for n in names):  # names only: not "over time"
            yield names


_AND_OR = (re.compile(r",?\s+(?:and|or)\s+"), re.compile(r"(?:,?\s(?:and|or))\s*$"))  # joins without a bare comma
_WORD_TAIL = re.compile(r"\w*")  # for _after_each: the rest of a word, or nothing
_NOTHING = re.compile("")
# ", and X, a ...": a second appositive (not a list of modifiers: "a memory, compute, and communication-efficient framework")
# single words in a series before the last one, which goes on to the head: "memory, overlap, and " of
# "a memory, overlap, and imbalance-aware training system"
_MODIFIER_SERIES = re.compile(r"[\w\-]+,\s+(?:[\w\-]+,\s+)*(?:and|or)\s+(?=[\w\-]+\s+[\w\-])")
_WORD = re.compile(r"[\w][\w'\-./+]*")
_LAW_AFTER = re.compile(r"\s+(?:equations?|theorems?|laws?|formul(?:as|ae|a)|inequalit(?:y|ies))(?![\w\-])")  # a name of a law


@dataclass
class Mention:
    """An entity one paper mentions."""

    key: str  # folded canonical label
    label: str
    type: str
    surfaces: set[str] = field(default_factory=set)
    introduced: bool = False
    evidence: int = _VOCAB
    alt_labels: set[str] = field(default_factory=set)


def is_name_like(token: str) -> bool:
    """A coined name rather than an English word: inner capitals or digits."""
    if len(token) < 2 or not _LETTER.search(token):
        return False
    rest = token[1:]
    return rest != rest.lower() or _DIGIT.search(token) is not None


def _clean_name(name: str) -> str:
    name = re.sub(r"[${}]", "", name).strip(" .,;")
    return re.sub(r"(?<=\w)\*{2,}$", "", name)


def _title_name_of(m: re.Match) -> str:
    """The name a title's "<name>: ..." gives, without the kind of document it is:
    "Phi-4-Mini Technical Report", "Introducing Zorb" name Phi-4-Mini and Zorb."""
    return _REPORT_WORDS.sub("", _clean_name(m["name"])) or _clean_name(m["name"])


class Extractor:
    """Extract mentions from papers with one vocabulary."""

    def __init__(self, vocabulary: Vocabulary | None = None):
        self.vocab = vocabulary or load_vocabulary()
        self.vendors = self._vendors()
        self._phrase_head_re = None
        self._kind_re = None
        self._products = None
        self._version_spacing = None
        words = "|".join(sorted(map(re.escape, self.vocab.in_context), key=len, reverse=True))  # "C", "Go"
        self._in_context_re = re.compile(rf"(?<![\w+#.\-/'^])(?:{words})(?![\w+#'\-^])") if words else None
        endings = "|".join(map(re.escape, self.vocab.name_endings))  # the ends of "KernelBench", "EpiCoder"
        self._ending_re = re.compile(rf"(?<=[\w\-])(?:{endings})(?![\w\-])") if endings else None

    # -- helpers ----------------------------------------------------------
    def _vendors(self) -> set[str]:
        """Organizations whose name starts a hardware label (NVIDIA, AMD, ...)."""
        orgs = {c.label for c in self.vocab.concepts.values() if c.type == "Organization"}
        first_words = Counter(
            c.label.split()[0]
            for c in self.vocab.concepts.values()
            if c.type == "Hardware" and " " in c.label
        )
        return {o for o in orgs if first_words.get(o, 0) >= 2}

    def _product(self, vendor: str, number: str) -> Concept | None:
        """The one hardware concept of ``vendor`` whose name ends in ``number``
        ("NVIDIA 3090" is the NVIDIA GeForce RTX 3090), or None."""
        if self._products is None:
            found: dict[tuple[str, str], set[str]] = defaultdict(set)
            for c in self.vocab.concepts.values():
                if c.type == "Hardware" and c.label.split()[0] in self.vendors:
                    for label in (c.label, *c.alt_labels):
                        found[(c.label.split()[0], label.split()[-1])].add(c.key)
            self._products = {k: self.vocab.concepts[next(iter(v))] for k, v in found.items() if len(v) == 1}
        return self._products.get((vendor, number))

    def head_type(self, phrase: str) -> str | None:
        """The type signalled by a phrase's head noun: the last lexicon noun before
        the first preposition or clause boundary ("a novel NPU architecture, and
        X, a ..." is an architecture, if its first conjunct has a head noun)."""
        if series := _MODIFIER_SERIES.match(phrase):  # "a memory, overlap, and imbalance-aware ... system"
            phrase = phrase[series.end() :]
        if ", " in phrase and (first := self.head_type(phrase[: phrase.index(", ")])):
            return first  # "a natural-language shell, drives it": the comma ends a phrase that has its head
        words = [w.lower() for w in _WORD.findall(phrase)]
        found = None
        collection = False  # after "a set/suite/collection of"
        for i, w in enumerate(words):
            if w == "of" and i > 0 and words[i - 1] in _COLLECTIVE_NOUNS:
                collection = True
                continue  # "a suite of video foundation models" names models
            if collection and w in _ITEM_NOUNS and found is None:
                found = "Dataset"  # "a set of 800 olympiad problems" (not "a family of models and pairs")
                continue
            if w == "based" and i + 1 < len(words) and words[i + 1] not in ("on", "upon") and not words[i + 1].endswith("ly"):
                found = None  # "a reinforcement learning based compiler": what it is based on is no head
                continue
            if w in _STOP_BOUNDARY and i > 0:
                break
            if (found and w.endswith(("ing", "ed")) and fold(w) not in self.vocab.head_nouns
                    and (i + 1 == len(words) or fold(words[i + 1]) not in self.vocab.head_nouns)):
                break  # "a benchmark spanning 16 GPU domains": the participle ends the phrase
            two = fold(" ".join(words[max(i - 1, 0) : i + 1]))
            t = self.vocab.head_nouns.get(two) or self.vocab.head_nouns.get(fold(w))
            if t == "Model" and i + 1 < len(words) and words[i + 1] in _MODEL_AS_MODIFIER_OF:
                continue  # "an advanced LLM serving solution": the LLM is what it serves, not what it is
            if t == "Model" and w.startswith("architecture") and i > 0 and self._hardware_word(words[i - 1]):
                t = "Hardware"  # "a PIM architecture", "an NPU architecture": hardware, not a neural network
            elif t == "Model" and w.startswith("architecture") and i > 0 and words[i - 1] in _SYSTEM_ARCHITECTURE_WORDS:
                t = "Software"  # "a micro-edge cloud architecture", "a data loading architecture": a system
            if t:
                found = t
        return found

    def _hardware_word(self, word: str) -> bool:
        """A word that names hardware: a Hardware head noun or vocabulary label ("NPU", "PIM"), or
        memory, which alone types no name ("long-term memory" of an agent) but makes an architecture hardware."""
        if self.vocab.head_nouns.get(fold(word)) == "Hardware" or fold(word) == "memory":
            return True
        concept = self.vocab.lookup(word)
        return concept is not None and concept.type == "Hardware"

    def head_type_at_end(self, phrase: str) -> str | None:
        """The type signalled by the last word (or two) of a phrase."""
        words = [w.lower() for w in _WORD.findall(phrase)]
        for n in (2, 1):
            if len(words) >= n:
                t = self.vocab.head_nouns.get(fold(" ".join(words[-n:])))
                if t:
                    return t
        return None

    def is_not_entity(self, label: str) -> bool:
        key = fold(label)
        if key in self.vocab.not_entities:
            return True
        if _NUMBER_FORMAT.fullmatch(label):
            return True  # "MXFP6", "E4M3", "W4A8KV4", "Q4_K_M": number formats (bench/ANNOTATION.md)
        if label[-1:] == "S" and label.lower() in self.vocab.not_entity_words:
            return True  # "FLOPS", "QoS": folded as written, a capital S stays (not "MLS": ML is no name)
        if "-" in label and fold(label.rsplit("-", 1)[1]) in self.vocab.measure_nouns:
            return True  # "GPU-hours", "Pass@1-rate": an amount or a measure of something, not a name
        if (numbered := _NUMBERED.fullmatch(label)) and fold(numbered[1]) in self.vocab.part_nouns:
            return True  # "Layer 2", "Stage-1": a part of the paper's own work
        return key.split(" ")[0] in self.vocab.not_entities and " " in key and key.split(" ")[0] in _LEADING_ADJECTIVES

    # -- vocabulary matching -----------------------------------------------
    def match_vocabulary(self, text: str, matcher=None):
        """(start, end, concept, surface) for vocabulary labels in text."""
        return [(s, e, c, text[s:e]) for s, e, c in (matcher or self.vocab.matcher).find(text)]

    # -- acronym definitions ------------------------------------------------
    def acronym_definitions(self, text: str):
        """Yield (long_form, short_form, lf_start, sf_end) per "long form (SF)"
        in the manner of Schwartz & Hearst (2003)."""
        for m in _ACRONYM_RE.finditer(text):
            sf = m.group("sf").strip()
            if not re.match(r"^[A-Za-z]", sf) or not any(c.isupper() for c in sf):
                continue
            if sum(c.isalpha() for c in sf) < len(sf) / 2:
                continue
            # the long form stays within its line and sentence, a few words before
            # (looked for in the 1,000 characters before: a whole text would make
            # this quadratic in a text with many parentheses)
            base = max(0, m.start() - 1000)
            line_start = max(text.rfind("\n", base, m.start()), text.rfind(". ", base, m.start()) + 1) + 1
            end = m.start()
            while end > 0 and text[end - 1].isspace():
                end -= 1
            core = re.sub(r"[^A-Za-z0-9]", "", sf)
            if _plural_acronym(core):
                core = core[:-1]
            words = list(_NONSPACE.finditer(text, max(line_start, base), end))[-min(len(core) + 5, len(core) * 2) :]
            if not words:
                continue
            offset = _long_form(core, text[words[0].start() : end])
            if offset is None:
                continue
            start = words[0].start() + offset
            close = text.rfind(")", start, end)
            if close >= 0:  # "Java-to-Python (J2P) and Python-to-Java (P2J)": not across another parenthesis
                offset = _long_form(core, text[close + 1 : end])
                if offset is None:
                    continue
                start = close + 1 + offset
            long_form = text[start:end].strip(" ,;:")
            if not long_form or len(long_form) <= len(sf):
                continue
            if len(re.split(r"[\s\-]+", long_form)) > min(len(core) + 5, len(core) * 2):
                continue  # Schwartz & Hearst's bound on words, hyphenated ones counted apart: not "generation and
                # feed-forward networks involve compute-intensive matrix-matrix multiplications (GEMM)"
            yield long_form, sf, start, m.end()

    # -- per paper --------------------------------------------------------
    def extract(self, title: str, abstract: str = "") -> dict[str, Mention]:
        """The entities a paper mentions, by folded canonical label (the
        paper alone: ``extract_corpus`` runs the corpus-wide passes)."""
        return self.extract_paper(title, abstract)[0]

    def extract_paper(self, title: str, abstract: str = "") -> tuple[dict[str, Mention], set[str]]:
        """The entities a paper mentions, and the short forms it defines as
        non-entities ("Large Language Models (LLMs)"). The result depends on
        this paper alone, so papers can be extracted in any order or process."""
        vetoed: set[str] = set()
        title = plain_text(title)
        text = _joined_text(title, plain_text(abstract))
        abstract = text[len(title) + 1 :]
        mentions: dict[str, Mention] = {}
        covered: list[tuple[int, int]] = []  # spans already explained

        def add(label, type_, surface, evidence, introduced=False, alts=()):
            key = fold(label)
            if not key or self.is_not_entity(label):
                return
            m = mentions.get(key)
            if m is None:
                m = mentions[key] = Mention(key, label, type_, evidence=evidence)
            elif evidence > m.evidence:
                m.type, m.evidence = type_, evidence
            m.surfaces.add(surface)
            m.introduced |= introduced
            m.alt_labels.update(a for a in alts if fold(a) != key)

        # 1. acronyms defined in the text
        local: dict[str, Concept] = {}  # short forms defined here -> concept
        redefined: set[str] = set()  # short forms the text defines otherwise than the vocabulary
        expansions: dict[str, str] = {}  # name -> its spelled-out form in parentheses
        for long_form, sf, lf_start, sf_end in self.acronym_definitions(text):
            sf_clean = sf[:-1] if _plural_acronym(sf) else sf
            concept = self.vocab.lookup(long_form)
            if concept is not None and (other := self.vocab.lookup(sf_clean)) is not None and other.key != concept.key:
                redefined.add(sf_clean)  # "autoregressive models (ARMs)": here ARM is no processor
            if concept is None:
                concept = self.vocab.lookup(sf_clean)
                if (concept is not None and self.vocab.lookup(_TRAILING_VERSION.sub("", long_form)) is not concept
                        and (self.head_type(long_form) not in (None, concept.type)
                             or not _spelled_alike(long_form, sf_clean, concept))):
                    # "autoregressive models (ARMs)" is not the ARM architecture, nor "state space
                    # duality (SSD)" a drive: the text's own definition wins over the vocabulary here.
                    redefined.add(sf_clean)
                    concept = None
            if concept is None:
                if self.is_not_entity(long_form) or self.is_not_entity(sf_clean):
                    vetoed.add(fold(sf_clean))
                    continue
                type_ = self._defined_type(text, long_form, sf, lf_start, sf_end)
                if type_ is None or (_generic_class(long_form, sf, type_)
                                     and not self._named_before_its_head(text, long_form, sf, sf_end, type_)):
                    # "mean absolute error (MAE)", "on-device language models (ODLMs)"
                    vetoed.add(fold(sf_clean))
                    continue
                if sf_clean in redefined:  # named by its long form, not to meet the vocabulary's concept
                    concept = Concept(long_form, type_, (sf_clean,), from_vocabulary=False)
                else:
                    concept = Concept(sf_clean, type_, (long_form,), from_vocabulary=False)
                evidence = _ACRONYM
            else:
                evidence = _VOCAB
            local[sf_clean] = concept
            # "we introduce Equivariant Encryption (EE)": the paper's own
            introduced = evidence == _ACRONYM and _PROPOSED_BEFORE.search(text, max(0, lf_start - 80), lf_start) is not None
            add(concept.label, concept.type, sf, evidence, introduced=introduced, alts=(long_form, sf_clean))
            covered.append((lf_start, sf_end))
            if evidence == _ACRONYM and " " in long_form:
                # the spelled-out name written elsewhere ("Meta Flow Matching: ..." in the
                # title) is the same thing, not its parts (Meta, flow matching)
                covered.extend((i.start() - len(long_form), i.end()) for i in _after_each(long_form, _WORD_TAIL, text)
                               if i.start() - len(long_form) != lf_start)  # "... Parallel (LASP)" titled "... Parallelism"

        # "DSP: Dynamic Sequence Parallelism for ...": the title spells its acronym
        # out, and that definition wins over the vocabulary's DSP (a processor)
        title_name = _TITLE_NAME.match(title)
        title_label = _title_name_of(title_name) if title_name else None  # the name it gives, if any
        spelled = self._title_acronym(title_name) if title_name else None
        if spelled is not None:
            sf, long_form, type_ = spelled
            known = self.vocab.lookup(sf)
            if known is not None and known.type != type_:
                redefined.add(sf)
                local[sf] = Concept(long_form, type_, (sf,), from_vocabulary=False)
            else:
                local[sf] = Concept(sf, type_, (long_form,), from_vocabulary=False)
            add(local[sf].label, type_, sf, _ACRONYM, alts=local[sf].alt_labels)

        # "SpecExec (Speculative Execution)": the parenthesis spells the name out
        for m in _NAME_THEN_EXPANSION.finditer(text):
            name, long_form = m["name"], m["long"]
            if is_name_like(name) and _long_form(re.sub(r"[^A-Z0-9]", "", name), long_form) == 0:
                covered.append((m.start("long"), m.end("long")))
                expansions[name] = long_form
                if (name not in local and self.vocab.lookup(name) is None and self.vocab.lookup(long_form) is None
                        and not self.is_not_entity(long_form)
                        and (type_ := self._defined_type(text, long_form, name, m.start(), m.end()))
                        and not _generic_class(long_form, name, type_)):
                    local[name] = Concept(name, type_, (long_form,), from_vocabulary=False)  # "ZSA (Zorbic Sparse Attention)"

        # a name the title gives ("LUT Tensor Core: ...") is one thing, not its parts
        if title_name and (" " in title_name["name"].strip() or "-" in title_name["name"]):
            name = title_label
            if (self.vocab.lookup(name) is None and self.vocab.lookup(_without_size(name)) is None
                    and self._title_name_ok(name) and not _surveyed_topic(title_name)):
                covered.extend((i.start() - len(name), i.end()) for i in _after_each(name, _NOTHING, text))

        # 2. vocabulary labels (and the short forms defined above)
        matches = self.match_vocabulary(text)
        # lists with a head noun, "systems such as X and Y", "the X and Y datasets" (found once, for
        # the described names below too)
        lists = (list(_HEAD_SUCH_AS.finditer(abstract)) if _SUCH_AS_HINT.search(abstract) else [],
                 list(_NAMES_THEN_HEADS.finditer(abstract)))
        listed_as = [(m.start("names") + len(title) + 1, m.end("names") + len(title) + 1,
                      self.vocab.head_nouns.get(fold(m["head"]))) for m in (*lists[0], *lists[1])]
        # known acronyms a list names as datasets: "the GQA and MileBench datasets" is no grouped-query attention
        # (only where another item is a dataset's name: "the SFT and RL datasets" are data for them)
        datasets = [(a, b) for a, b, t in listed_as if t == "Dataset"]
        homonyms = {surface for s, e, c, surface in matches if c.type == "Technique" and surface.isupper()
                    and any(a <= s and e <= b and self._lists_a_dataset(text, a, b, surface) for a, b in datasets)
                    } if datasets else set()
        vocab_spans = [(s, e) for s, e, _, _ in matches]
        match_starts = {s: c.type for s, _, c, _ in matches}
        match_ends = {e: c.type for _, e, c, _ in matches}
        # coined model names: a new version of a known model ("DeepSeek-V3",
        # "ColBERTv2"), or a name whose last part is one ("BinT5", "WebGLM")
        renamed = []  # where a known model is written by another name
        for name, s, e in self._coined_models(text, _Spans(vocab_spans)):
            if fold(name) not in local:  # a known model by another name ("ResNet8", "LLaMav2") is as known
                add(name, "Model", text[s:e].rstrip("."), _VOCAB if self.vocab.lookup(name) else _PATTERN)
                covered.append((s, e))
                if fold(name) != fold(_without_size(text[s:e].rstrip("."))):
                    renamed.append((s, e))
        renamed = _Spans(renamed) if renamed else None
        # "<modifiers> <head>": "dynamic token scheduling", "sequence-wise parallelism";
        # a label inside one ("expert parallelism") is not a mention of its own
        for label, type_, surface, s, e in self._head_phrases(text, _Spans(vocab_spans + covered), len(title)):
            add(label, type_, surface, _PATTERN)
            covered.append((s, e))
        for label, surface, s, e in self._kind_phrases(text, _Spans(vocab_spans + covered), len(title)):
            add(label, "Technique", surface, _PATTERN)
            covered.append((s, e))
        # a conjunct that is another label on its own: "DIT and DIF FFT" names the DIT FFT, not DiT
        starts_of = {(s, e): c for s, e, c, _ in matches}
        coordinated = {s: list(self._coordinated(text, s, surface)) for s, _, _, surface in matches if " " in surface}
        for conjuncts in coordinated.values():
            for other, form, at in conjuncts:
                word_end = at + len(form.split(" ", 1)[0])
                if (alone := starts_of.get((at, word_end))) is not None and alone is not other:
                    covered.append((at, word_end))
        # "unstructured model pruning": a known technique with its model inside, and no "model pruning" of its own
        spans = _Spans(vocab_spans + covered)
        for form, s, e in self._model_inside(text):
            if not spans.contains(s, e):
                concept = self.vocab.lookup(form)
                add(concept.label, concept.type, form, _VOCAB)
                covered.append((s, e))
        explained = _Spans(covered)
        for s, e, c, surface in matches:
            if explained.contains(s, e):
                continue
            if redefined and (surface in redefined or surface.rstrip("s") in redefined):
                continue
            if self._is_prose(text, s, surface) or _LINK_AFTER.match(text, e):
                continue  # "the MIT license"; "on GitHub: <link>" names where the code is
            if _LETTER_NUMBER.fullmatch(surface) and _in_a_range(text, s, e):
                continue  # "tasks T1-T5": the fifth task, not the T5 model
            if c.type == "Organization" and surface[:1].islower() and " " in surface and c.label[:1].isupper():
                continue  # "large-scale AI training" names no Scale AI
            if (c.type == "Organization" and s > len(title) and (kit := _MAKERS_KIT.match(text, e))
                    and not any(self.vocab.lookup(w) for w in kit.group(0).split()[:-1])
                    and not any(e < at < kit.end() for at in match_starts)):  # not "NVIDIA CUDA Runtime", "... Model Context Protocol Library"
                name = f"{surface}{kit.group(0)}"  # "the OpenAI Agents SDK": a product, and no mention of its maker
                known = self.vocab.lookup(name) or self.vocab.lookup(kit.group(0).strip())
                add(known.label if known else name, known.type if known else "Software", name, _VOCAB if known else _PATTERN)
                continue
            if text[max(0, s - 4) : s].lower() == "non-" or _FREE_AFTER.match(text, e):
                continue  # "non-GEMM operators", "a fine-tuning-free approach": what they are not, what they do without
            if c.type != "Technique" and text.startswith("-", s - 1) and _SIZED_BEFORE.search(text, max(0, s - 12), s):
                continue  # "CodeLlama-34B-Python" names a variant, not Python ("Qwen-7B-PPO" says how it was trained)
            if (c.type == "Technique" and _participle_of(surface, c) and not self._model_follows(text, e, match_starts)
                    and not self._applied(text, s, e, match_ends)):
                # a participle mentions its technique only where it qualifies a model:
                # "quantized models", "a fine-tuned Llama"; not "tiled matrix
                # multiplication" (one narrower technique) or "pipelined across stages"
                continue
            if fold(surface) in self.vocab.phrase_heads and self._after_modifier(text, s):
                continue  # "class-wise pruning" names a narrower technique, not pruning
            generic = c.label.isupper() and " " not in c.label  # GPU, FPGA: a class, not a product line
            sku = None
            if c.type == "Hardware" and not generic:
                sku = (_HYPHEN_SKU if _TIER_END.search(surface) else _SKU).match(text, e)
            if sku and _UNIT_END.search(sku["sku"]):
                sku = None  # "Jetson AGX Orin 64GB", "A100 80GB": a memory size, not another product
            if sku:  # "Versal VHK158", "Ascend 910B", "Core i7-13700H": one product of a known line
                name = f"{surface}{text[e:sku.start('sku')]}{sku['sku']}"
                known = self.vocab.lookup(name)
                if known is None and (alone := self.vocab.lookup(sku["sku"])) is not None and alone.type == "Hardware":
                    known = alone  # "Blackwell B200": the B200, named after its architecture
                if known is not None:
                    add(known.label, known.type, name, _VOCAB)
                else:
                    short = name.split(" ", 1)[1] if name.split(" ", 1)[0] in self.vendors and " " in name else name
                    add(short, "Hardware", name, _PATTERN, alts=(name,))
                for other, form in self._siblings(text, sku.end(), name, "Hardware"):
                    add(other.label, other.type, form, _VOCAB)
                continue
            version = _SPACED_VERSION.match(text, e) if c.type == "Model" and not c.label[-1].isdigit() else None
            tier = _MODEL_TIER.match(text, version.end() if version else e) if c.type == "Model" else None
            if tier and not (version or any(ch.isdigit() for ch in c.label)):
                tier = None  # a tier follows a numbered model ("GPT-4 Lite"); not "BERT Plus a probe", "Mamba Max pooling"
            if version or tier:  # "Qwen 3", "Whisper v3", "GPT-4 Lite", "Gemini 3.5 Pro": models of their own
                label = c.label
                if version:
                    known = self.vocab.lookup(f"{c.label} {version['number'].lstrip('vV')}")
                    label = known.label if known is not None else f"{c.label} {version['number']}"
                add(label + tier.group(0) if tier else label, "Model", text[s : (tier or version).end()], _PATTERN)
                continue
            variant = None
            if c.type == "Dataset":  # "ImageNet-C,R,S,A" also where the vocabulary took ImageNet-C
                base = surface[: surface.rindex("-")] if text.startswith(",", e) and "-" in surface else surface
                variant = _VARIANT.match(text, s + len(base))
                if variant is not None and variant.end() <= e:
                    variant = None  # "ImageNet-R, COCO": one known variant
            if variant:  # "ImageNet-R", "HumanEval-X", "ImageNet-C,R,S": variants are datasets of their own
                for suffix in variant.group(0)[1:].split(","):
                    add(f"{base}-{suffix}", "Dataset", f"{base}-{suffix}", _PATTERN)
                continue
            sku = _SKU.match(text, e) if c.type == "Organization" else None
            tier = sku and _MODEL_TIER.match(text, sku.end())  # "Samsung 990 Pro SSDs" is no Exynos 990
            product = sku and not tier and c.label in self.vendors and self._product(c.label, sku["sku"])
            if product:  # "NVIDIA 3090": the vendor's one product with that number
                add(product.label, product.type, f"{surface} {sku['sku']}", _VOCAB)
                continue
            if (sku and (tier or not sku["sku"].isdigit())  # a number alone may be a count: "NVIDIA 9999 GPUs"
                    and not _UNIT_END.search(sku["sku"]) and self.vocab.lookup(sku["sku"]) is None  # "40GB", "A100"
                    and self._hardware_word(after[1] if (after := _NEXT_WORD.match(text, (tier or sku).end())) else "")):
                name = f"{surface} {sku['sku']}{tier.group(0) if tier else ''}"
                add(name, "Hardware", name, _PATTERN)
                continue  # "eight Samsung PM1733 drives", "four Samsung 990 Pro SSDs": a product, and no mention of its maker
            if surface in homonyms:
                add(surface, "Dataset", surface, _VOCAB)
                continue
            add(c.label, c.type, surface, _VOCAB)
            if c.hidden_labels and " " in surface and fold(surface) in map(fold, c.hidden_labels):
                # a hidden form that spans a name of another type ("fused CUDA kernels" for operator
                # fusion) writes that name too
                for word in surface.split()[1:-1]:
                    if (inner := self.vocab.lookup(word)) is not None and inner.type != c.type:
                        add(inner.label, inner.type, word, _VOCAB)
            if (c.type == "Hardware" and surface.endswith(_DEVICE_CLASSES) and " " in surface
                    and not c.label.endswith(_DEVICE_CLASSES)):  # not "Edge TPU": the class word is the product's name
                last = surface.rsplit(" ", 1)[1]  # "an NVIDIA L4 GPU", a label of its own: a GPU too
                add(self.vocab.lookup(last).label, "Hardware", last, _VOCAB)
            for other, form in self._siblings(text, e, surface, c.type):
                if form not in homonyms:
                    add(other.label, other.type, form, _VOCAB)
            for other, form, _ in coordinated.get(s, ()):
                if form not in homonyms:
                    add(other.label, other.type, form, _VOCAB)
        # "recurrent, convolutional, and self-attention networks", "parallelism
        # (e.g., data, tensor, pipeline)": each item with the shared head word
        labelled = _Spans(vocab_spans + covered)
        for form, start, end in self._elliptical(text):
            if labelled.contains(start, end):
                continue  # "dynamic voltage and frequency scaling (DVFS)": one known name, not two scalings
            concept = self.vocab.lookup(form)
            if concept is not None:
                add(concept.label, concept.type, form, _VOCAB)
        if local:
            local_matchers = compile_matchers(
                [Concept(sf, c.type, from_vocabulary=False) for sf, c in local.items()]
            )
            for s, e, c, surface in self.match_vocabulary(text, local_matchers):
                concept = local[c.label]
                add(concept.label, concept.type, surface, _VOCAB if concept.from_vocabulary else _ACRONYM)

        described = self._described_names(abstract, *lists, own=title_label)
        proposed = {name for name, _, introduced in described if introduced}

        # enumerations: "SNIP, GraSP and SynFlow" take the type of their known members,
        # or of the head noun that introduces them ("benchmarks: HiAML, Inception and Two-Path")
        for items, start in _enumerations(text, _Spans(vocab_spans + covered)):
            head = _LIST_HEAD.search(text, max(0, start - 40), start)
            type_ = head and self.vocab.head_nouns.get(fold(head["head"]))
            if not type_:
                known = {c.type for c in map(self.vocab.lookup, items) if c is not None}
                if len(known) != 1:
                    continue
                type_ = known.pop()
                # the paper's own name is typed by what the paper says of it, not by the names
                # beside it ("On CIFAR-10 and FEMNIST, HeteroFL-Edge reduces ...")
                items = [item for item in items if _clean_name(item) not in proposed]
            for item in items:
                clean = _clean_name(item)
                if clean in homonyms:
                    continue
                name = _without_size(clean)
                known = self.vocab.lookup(clean) if name != clean else None
                if known is not None:  # "LAION-400M": known with its size; not LAION
                    add(known.label, known.type, item, _VOCAB)
                    continue
                sized = self.vocab.lookup(name) or self.vocab.lookup(_SIZE_WORD.sub("", name))
                if sized is not None and sized.type == "Model":  # "GPT-4o-mini" is no GPT-4o
                    add(sized.label, sized.type, item, _VOCAB)
                    continue
                if (variant := self._case_variant(name)) is not None:
                    add(variant.label, variant.type, item, _VOCAB)
                elif self._new_coined_name(name, local, vetoed):
                    add(name, type_, name, _PATTERN)

        # a coined name with a naming ending: "49% on BringupBench programs", "APICoder"
        known_spans = _Spans(vocab_spans)
        for m in self._ending_re.finditer(text) if self._ending_re else ():
            start = m.start()
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_+-"):
                start -= 1  # back to the name's first character
            name = text[start : m.end()]
            if (len(name) < len(m.group(0)) + 2 or not name[0].isalpha() or text[start - 1 : start] == "."
                    or not is_name_like(name) or fold(name) in mentions or name in local or fold(name) in vetoed):
                continue
            if (self.vocab.lookup(name) is None and not explained.contains(start, m.end())
                    and not known_spans.crosses(start) and not self.is_not_entity(name)):
                add(name, self.vocab.name_endings[m.group(0)], name, _PATTERN)

        # a one-letter language ("C") or one that is a word ("Go") only where it is plainly one:
        # "C/C++", "C and Rust", "C source code", "Java, Go and C++" (not "the game of Go")
        languages = None  # where the other software names and languages start and end
        for m in self._in_context_re.finditer(text) if self._in_context_re else ():
            prev = _word_before(text, m.start())
            if prev and prev[0][:1].isupper() and not prev[2]:
                continue  # "Appendix C", "Type C"
            if languages is None:  # where names start and end: any software beside "C", a language beside
                # "Go", a supercomputer beside "Aurora" ("Frontier and Aurora", not "Amazon Aurora")
                kinds = [(s, e, _kind(c)) for s, e, c, _ in matches if c.type in ("Software", "Hardware")]
                languages = {kind: ({s for s, _, k in kinds if k in wanted}, {e for _, e, k in kinds if k in wanted})
                             for kind, wanted in (("any", ("software", "language")), ("language", ("language",)),
                                                  ("machine", ("machine",)))}
            concept = self.vocab.in_context[m[0]]
            kind = "any" if len(m[0]) == 1 else "machine" if concept.type == "Hardware" else "language"
            if kind == "machine":  # "Frontier and Aurora", not "trained on Frontier, Aurora matches ..."
                beside = _beside_one_of(text, m.start(), m.end(), *languages[kind], joined=_AND_OR)
            else:  # not "OpenAI Gym, Go and StarCraft"
                beside = (_CODE_AFTER.match(text, m.end()) or _beside_one_of(text, m.start(), m.end(), *languages[kind])
                          or ((to := _TRANSLATED_TO.match(text, m.end())) and to.end() in languages["language"][0]))
            if beside:
                add(concept.label, concept.type, m[0], _VOCAB)

        # 3. the paper's own name, from its title
        m = title_name
        if m:
            name = title_label
            sized = _without_size(name)
            concept = None if name in local else self.vocab.lookup(name) or self.vocab.lookup(sized)
            if name in local:
                add(local[name].label, local[name].type, name, _ACRONYM, introduced=True)
            elif concept is not None:
                add(concept.label, concept.type, name, _VOCAB, introduced=True)
            elif _surveyed_topic(m):
                pass  # "Edge-First Inference: A Survey of ...": the topic surveyed, not a name
            elif self._title_name_ok(name) or _introduces(abstract, name):
                type_, evidence = self._type_of_name(name, described, m["rest"], abstract)
                if sized != name and type_ != "Dataset" and is_name_like(sized):
                    # "CodeForge-33B: ...": a model, named without its size (not "Ultra" of "Ultra-253B-Base")
                    add(sized, "Model", name, evidence, introduced=True)
                else:
                    add(name, type_, name, evidence, introduced=True)

        # 4. named artifacts described in the abstract
        tails = {}  # the ends of known names written here: "CS-2" of "Cerebras CS-2"
        for _, _, c, surface in matches:
            for at in (i for i, ch in enumerate(surface) if ch == " "):
                tails.setdefault(surface[at + 1 :], c)
        for name, type_, introduced in described:
            if name in local and introduced:  # "we introduce GG (Guaranteed Guess)": the paper's own
                add(local[name].label, local[name].type, name, _ACRONYM, introduced=True)
            if name in local or fold(name) in vetoed or name in homonyms:
                continue  # an acronym the text defines, or a list's dataset: settled above
            sized = _without_size(name)
            concept = self.vocab.lookup(name) or self.vocab.lookup(sized) or (None if introduced else (
                self.vocab.lookup(_SIZE_WORD.sub("", sized)) or tails.get(name)))  # "BERT-Base operators": BERT
            if concept is not None:  # also the end of a known name written here: "the Cerebras CS-2, a ... system"
                add(concept.label, concept.type, name, _VOCAB, introduced=introduced)
            elif (renamed and not introduced and (at := list(_occurrences(name, text)))
                  and all(renamed.contains(i, i + len(name)) for i in at)):
                continue  # "models like LLaVA-v1.5-13B": named above, LLaVA-1.5 by another name
            elif sized != name and type_ in (None, "Model") and is_name_like(sized):  # "KernelCoder-7B": a model
                add(sized, "Model", name, _APPOSITIVE if type_ else _PATTERN, introduced=introduced)
            elif type_ is None:
                add(name, self._type_by_comparison(name, abstract), name, _PATTERN, introduced=introduced)
            else:
                add(name, type_, name, _APPOSITIVE, introduced=introduced)

        # 5. the names a comparison lists ("outperforms SparQ and DASP", "speedups over MKOR"): of the
        # type of the known names beside them, else techniques
        written = {fold(surface) for m in mentions.values() for surface in m.surfaces}  # "KFAC" matched as K-FAC
        for names in _compared_lists(abstract) if _COMPARED_HINT.search(abstract) else ():
            known = {c.type for c in map(self.vocab.lookup, names) if c is not None}
            type_ = known.pop() if len(known) == 1 else None if known else "Technique"
            if type_ not in ("Software", "Technique", "Model"):
                continue  # "over GPUs and DDR5", or a list of two kinds
            for name in names:
                if (variant := self._case_variant(name)) is not None:
                    add(variant.label, variant.type, name, _VOCAB)
                elif (self._new_coined_name(name, local, vetoed) and self.vocab.lookup(_without_size(name)) is None
                        and fold(name) not in mentions and fold(name) not in written and name not in homonyms
                        and not self.is_not_entity(name) and not _NUMBER_FORMAT.fullmatch(name)
                        and ("-" not in name or self.vocab.lookup(name.rsplit("-", 1)[0]) is None)):  # "Swin-L"
                    add(name, type_, name, _PATTERN)

        # 6. model names with a parameter count, vendor SKUs
        for sm in _SIZE.finditer(text) if _SIZE_HINT.search(text) else ():
            family = sm["family"]
            prev = _PREV_WORD.search(text, max(0, sm.start() - 30), sm.start())
            if prev and self.vocab.head_nouns.get(fold(prev.group(1)), "Model") != "Model":
                continue  # "the dataset BM-6B" counts pairs, not parameters
            if self.head_noun_after(text, sm.end()) not in (None, "Model"):
                continue  # "our OpenThoughts2-1M dataset": a million examples
            if sm["version"]:
                known = next(filter(None, (
                    self.vocab.lookup(f"{base}{sep}{sm['version']}")
                    for base in (family, family.rstrip("vV-")) for sep in (" ", "")
                )), None)
                if known is not None:  # "LLaMav2-7B" is Llama 2
                    add(known.label, known.type, sm.group(0), _VOCAB)
                    continue
                family = _without_size(sm.group(0))  # as written: "Zorbo2" of "Zorbo2-32B", "GLM-4" of "GLM-4-9B"
            if self.vocab.lookup(family) or self.is_not_entity(family) or len(family) < 2:
                continue
            if _BARE_VERSION.fullmatch(family) or family.lower() in _FUNCTION_WORDS or not is_name_like(family):
                continue
            if fold(sm.group(0)) in mentions or any(
                s2 < sm.end() and sm.start() < e2 for s2, e2 in vocab_spans
            ):
                continue  # "GEB-1.3B" named by the title, "LAION-5B" a dataset
            add(family, "Model", family, _PATTERN)
        for name, long_form in expansions.items():
            m = mentions.get(fold(name))
            if m is not None and self.vocab.lookup(long_form) is None:
                m.alt_labels.add(long_form)
        # a known name written only inside the paper's own ("MInference-Pro", "vLLM-X"): no mention of its own
        own = [(at, at + len(surface)) for m in mentions.values() if m.introduced and m.evidence < _VOCAB
               for surface in m.surfaces if "-" in surface for at in _occurrences(surface, text)]
        if own:
            inside = _Spans(own)
            spans_of: dict[str, list[tuple[int, int]]] = {}
            for s, e, c, _ in matches:
                spans_of.setdefault(c.key, []).append((s, e))
            for key, spans in spans_of.items():
                m = mentions.get(key)
                if (m is not None and not m.introduced and all(inside.contains(s, e) for s, e in spans)
                        and not any(s <= a and b <= e for s, e in spans for a, b in own)):
                    del mentions[key]
        # "SwiftKV-Quant, dubbed SKQ": one thing by two names
        for m in _NAME_DUBBED.finditer(abstract) if any(w in abstract for w in _CALLING_WORDS) else ():
            first, second = mentions.get(fold(_clean_name(m["name"]))), mentions.get(fold(_clean_name(m["alias"])))
            if (first is not None and second is not None and first is not second
                    and first.evidence < _VOCAB and second.evidence < _VOCAB):  # two names found here, not "GPU, called X"
                first.alt_labels.add(second.label)  # merged below
        # the title spells out an acronym the abstract names the paper's thing by
        # ("Native Sparse Attention: ..." and "We present NSA, a ..."; a hyphenated word's
        # parts may each give a letter): one thing
        titled = mentions.get(fold(title_label)) if title_name else None
        if title_name and " " in title_label:
            for m in list(mentions.values()):
                if (titled is not None and m is not titled and m.evidence < _VOCAB and _ACRONYM_NAME.fullmatch(m.label)
                        and len(m.label) in (len(title_label.split()), len(re.split(r"[\s\-]+", title_label)))
                        and _long_form(m.label, title_label) == 0):  # "Codebook-Aware Fine-Tuning" is CAFT too
                    if titled.evidence < _VOCAB:
                        m.alt_labels.add(title_label)  # merged below
                    else:  # a known technique the paper abbreviates its own way
                        titled.surfaces |= m.surfaces
                        titled.introduced |= m.introduced
                        del mentions[m.key]
        # "FooBar 2.0: ..." titles what the abstract calls FooBar (not "SpecTree v2: ... improves on
        # SpecTree", where the abstract writes the version too): one thing
        bare = titled and _TRAILING_VERSION.sub("", titled.label)
        if bare and bare != titled.label and (m := mentions.get(fold(bare))) is not None and m is not titled \
                and m.introduced and titled.evidence < _VOCAB and titled.label not in abstract:  # not "We revisit FooServe"
            m.alt_labels.add(titled.label)  # merged below
        # one name written two ways ("Zorb Attention" and "ZorbAttention", "KOKKOS" and Kokkos,
        # "Quux-MoE" and "Quux Mixture-of-Experts"): the form with the stronger evidence keeps it
        by_form = defaultdict(list)
        for m in mentions.values():
            by_form[self._written_form(m.label)].append(m)
        for same in (ms for ms in by_form.values() if len(ms) > 1):
            keep = max(same, key=lambda m: (m.evidence, m.introduced, m.key))
            keep.alt_labels.update(m.label for m in same if m is not keep and m.evidence < _VOCAB)  # merged below
        # one entity per thing: a name whose spelled-out form was also found
        # ("Prime Collective Communications Library" and PCCL) is merged
        for key in sorted(mentions):
            m = mentions.get(key)
            if m is None:
                continue
            for alt in list(m.alt_labels):
                other = mentions.get(fold(alt))
                if other is not None and other is not m and other.evidence < _VOCAB:
                    m.surfaces |= other.surfaces
                    m.introduced |= other.introduced
                    del mentions[other.key]
        # and a model named with its size ("CodeFuse-CodeLLama-34B") is the model
        # the paper also names without it
        for key in sorted(mentions):
            m = mentions[key]
            unsized = mentions.get(fold(_without_size(m.label)))
            if m.type == "Model" and m.evidence < _VOCAB and unsized is not None and unsized is not m \
                    and unsized.type == "Model":
                unsized.surfaces |= m.surfaces
                unsized.introduced |= m.introduced
                del mentions[key]
        self._devices_in_techniques(mentions)
        self._vendor_rule(text, mentions)
        self._kind_phrase_rule(mentions)
        _class_only_as_a_names_head(text, mentions)
        return mentions, vetoed

    def _kind_phrase_rule(self, mentions: dict[str, Mention]) -> None:
        """A concept named only as "<head> <kind noun>" ("compression techniques"
        for model compression) is the paper's own narrower one when the paper
        names one ("KV cache compression"): drop it then."""
        for key, m in list(mentions.items()):
            own = fold(m.label).split()
            if len(own) == 2 and self._is_kind_noun(own[1]):
                continue  # "attention mechanism", "Euler method": the concept's own name
            heads = set()
            for surface in m.surfaces:
                words = fold(surface).split()
                if len(words) != 2 or not self._is_kind_noun(words[1]):
                    break
                heads.add(words[0])
            else:
                if heads and any(other != key and any(other.endswith(" " + h) for h in heads) for other in mentions):
                    del mentions[key]

    def _head_phrases(self, text: str, vocab_spans, title_end: int):
        """(label, type, surface, start, end) for phrases of up to three ordinary
        modifiers before a lexicon phrase head that the vocabulary does not know."""
        if self._phrase_head_re is None:
            heads = sorted(self.vocab.phrase_heads, key=len, reverse=True)
            alternatives = "|".join(re.escape(h).replace(r"\ ", r"[\s\-]") for h in heads)
            self._phrase_head_re = re.compile(rf"(?<![\w\-])(?:{alternatives})s?(?![\w\-])")
        lower = lower_same_length(text)  # matched as lower case: twice as fast as IGNORECASE
        graded_cache: dict[str, bool] = {}
        after_degree = None  # where the words after a degree word start
        for m in self._phrase_head_re.finditer(lower):
            head = text[m.start() : m.end()]
            following = _NEXT_WORD.match(text, m.end())
            if following and self.vocab.head_nouns.get(fold(following.group(1)), "Technique") != "Technique":
                continue  # "a temporal fusion framework" names a framework
            if following and fold(following.group(1)) in self.vocab.measure_nouns:
                continue  # "neural scaling laws", "pruning ratio": a measure of it, not a technique
            if (following and m.start() < title_end and following[1][0].isupper()
                    and following[1].lower() not in _FUNCTION_WORDS and following[1].lower() not in _PREPOSITIONS
                    and not self._is_kind_noun(following[1])
                    and fold(following[1]) not in self.vocab.phrase_heads and not following[1].endswith("ing")):
                continue  # "Adaptive Migration Decision", "Recurrent Decoding Heads": the title's noun phrase
                # goes on past the head; a gerund after it acts on it ("Operator-level Parallelism Planning")
            # where the phrase starts with one, two, three modifiers
            starts = [start for _, start in self._modifiers_before(text, m.start(), m.end(), vocab_spans,
                                                                   head[0].isupper(), 4)]
            if len(starts) > 3:
                continue  # longer than a name of ordinary words: its tail ("Communication Overhead Sequence
                # Parallelism" of "Zero Communication ...") would be a partial phrase
            # the longest phrase that is a term of the paper: in its title, or written again
            if (len(starts) > 1 and _opens_the_title(text, starts[-1], title_end)
                    and text[starts[-1] : m.start()].split(" ", 1)[0].endswith("ing")):
                starts.pop()  # a title's opening gerund before a modifier is its verb: "Scaling Speculative
                # Decoding with ...", "HybridEP: Scaling Expert Parallelism ..."; not "Pooling Attention for ..."
            if starts and (joined := _JOINED_BEFORE_WORD.search(text, max(0, starts[-1] - 12), starts[-1])):
                prev = _word_before(text, joined.start() + 1)
                if prev is None or not (fold(prev[0]) in self.vocab.phrase_heads or vocab_spans.ends_at(
                        prev[1] + len(prev[0]), prev[1])):
                    # "Communication and Computation Overlapping", "System and Workload Scheduling": the words
                    # share the head, one phrase of two; not "Memory Allocation and Tensor Replacement", two names
                    continue
            for start in reversed(starts):
                surface = text[start : m.end()]
                if _able(surface.split(None, 1)[0].lower()) and not _PROPOSED_BEFORE.search(text, max(0, start - 80), start):
                    continue  # "Customizable Attention", "scalable pruning": praise, not a name ("we propose Trainable X" is one)
                if (start >= title_end and lower.count(surface.lower()) < 2
                        and not _PROPOSED_BEFORE.search(text, max(0, start - 80), start)
                        and not _NAMED_PROPOSER_BEFORE.search(text, max(0, start - 60), start)
                        and not _USING_BEFORE.search(text, max(0, start - 14), start)
                        and not _ENUMERATED_BEFORE.search(text, max(0, start - 12), start)):
                    continue
                if vocab_spans.crosses(start) or vocab_spans.contains(start, m.end()):
                    break  # part of a longer label, or an acronym's spelled-out form
                if (prev := _word_before(text, start)) and prev[0].lower() in _SIZE_ADJECTIVES:
                    break  # "Long Context Fine-tuning": "context fine-tuning" would be half a phrase
                label = surface.lower()  # ordinary words, capitalised only by a title or a sentence
                graded = graded_cache.get(label)
                if graded is None:
                    if after_degree is None:
                        after_degree = [d.end() for d in _DEGREE_WORD.finditer(lower)]
                    graded = graded_cache[label] = any(
                        lower.startswith(label, at) and not _WORD_GOES_ON.match(lower, at + len(label))
                        for at in after_degree)
                if graded:
                    break  # "high computation parallelism": graded somewhere, a property, not a technique
                if self.vocab.lookup(label) is None and not self.is_not_entity(label):
                    yield label, self.vocab.phrase_heads[fold(head)], surface, start, m.end()
                break

    def _applied(self, text: str, at: int, end: int, match_ends: dict[int, str]) -> bool:
        """Whether a participle from ``at`` to ``end`` says the technique was applied: before
        "on", "from" or "to" ("a draft fine-tuned on ...", "quantized to 4 bits"), after a
        model ("models fine-tuned with ...", "Llama quantized"), after
        "we" ("we pruned"), or as a passive ("can be fine-tuned", "is pruned by
        ..."; not "is quantized GEMM", an adjective before its noun)."""
        following = _NEXT_WORD.match(text, end)
        if following and following[1].lower() in _APPLIED_WITH:
            return True  # "a draft fine-tuned on chat logs", "distilled from", "quantized to 4 bits"
        prev = _word_before(text, at)
        if prev is None:  # a name with a size: "Falcon-180B quantized to 4 bits"
            sized = _TOKEN_BEFORE.search(text, max(0, at - 40), at)
            return bool(sized) and match_ends.get(sized.start() + len(_without_size(sized[1]))) == "Model"
        word = prev[0]
        if word.lower() == "we":
            return True
        if word.lower() in ("be", "been", "is", "are", "was", "were", "being"):
            following = _NEXT_WORD.match(text, end)  # none after punctuation: "can be fine-tuned."
            return following is None or following[1].lower() in _PASSIVE_NEXT
        if match_ends.get(prev[1] + len(word)) == "Model":
            return True
        return self.vocab.head_nouns.get(fold(word)) == "Model" or fold(word) in _QUALIFIED_BY_PARTICIPLE

    def _model_follows(self, text: str, at: int, match_starts: dict[int, str]) -> bool:
        """Whether a model comes right after ``at``: a model's name (its type
        in ``match_starts``, by where the matches start) or a word such as
        "models", "LLMs", "weights"."""
        gap = _NEXT_WORD_GAP.match(text, at)
        if gap and match_starts.get(gap.end()) == "Model":
            return True
        following = _NEXT_WORD.match(text, at)
        word = fold(following.group(1)) if following else None
        return word is not None and (self.vocab.head_nouns.get(word) == "Model" or word in _QUALIFIED_BY_PARTICIPLE)

    def _modifiers_before(self, text: str, at: int, label_end: int, spans, title_case: bool, limit: int,
                          first_is_head: bool = False):
        """(word, start) for up to ``limit`` words read backwards from ``at``
        that can open a technique's name (the first can end it, with
        ``first_is_head``); the words of a label ending at ``label_end``, which
        the name extends ("model parallelism"), always pass."""
        for n in range(limit):
            prev = _word_before(text, at)
            if prev is None:
                return
            word, at, opens_sentence = prev
            if not spans.ends_at(label_end, at) and not self._is_modifier(
                    word, title_case or opens_sentence, first_is_head and n == 0):
                return
            yield word, at

    def _kind_phrases(self, text: str, spans, title_end: int):
        """(label, surface, start, end) for the ordinary words before a kind
        noun ("a selective offload strategy" names selective offload): at least
        two words (or hyphen parts), the last of them a noun."""
        if self._kind_re is None:
            forms = {f for k in self.vocab.kind_nouns for f in (k, k[:-1] + "ies" if k.endswith("y") else k + "s")}
            kinds = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
            self._kind_re = re.compile(rf"(?<=[ \t])(?:{kinds})(?![\w\-])")
        for m in self._kind_re.finditer(lower_same_length(text)):
            found = list(self._modifiers_before(text, m.start(), m.start() - 1, spans, text[m.start()].isupper(), 4,
                                                first_is_head=True))
            start = found[-1][1] if found else m.start()
            words = [word.lower() for word, _ in reversed(found)]
            parts = re.split(r"[\s\-]+", " ".join(words))
            if len(parts) < 2 or _ADJECTIVE.search(parts[-1]) or parts[0] in _NUMBER_WORDS:
                continue
            if _able(words[0]) or _VERB_BEFORE.search(text, max(0, start - 12), start):
                continue  # "scalable ...", "we categorize methods"
            if not (start < title_end or _NOVEL_BEFORE.search(text, max(0, start - 12), start)
                    or _PROPOSED_BEFORE.search(text, max(0, start - 80), start)
                    or _NAMED_PROPOSER_BEFORE.search(text, max(0, start - 60), start)
                    or _ENUMERATED_BEFORE.search(text, max(0, start - 12), start)):
                continue  # the paper's own technique (titled, proposed, listed), not one it names in passing
            surface = text[start : m.start()].rstrip()
            if spans.crosses(start) or spans.contains(start, m.start()):
                continue  # part of a longer label
            label = surface.lower()
            if self.vocab.lookup(label) is None and not self.is_not_entity(label) and not _MODIFIER_SUFFIX.search(label):
                yield label, surface, start, start + len(surface)

    def _type_by_ending(self, name: str) -> str | None:
        """The type a coined name's ending gives ("KernelBench" a benchmark, "DuckDB" a system), if any."""
        for ending, type_ in self.vocab.name_endings.items():
            if name.endswith(ending) and len(name) > len(ending) + 1:
                return type_
        return None

    def _type_by_comparison(self, name: str, abstract: str) -> str:
        """The type of a name's last glued word ("LLMCompiler" is a compiler), else
        of what it is compared with ("BatchLLM outperforms vLLM" is a system like
        vLLM); Technique when the text compares it with nothing known."""
        last = _GLUED_LAST_WORD.search(name)
        if last and fold(last.group(0)) not in self.vocab.not_entities:
            type_ = self.vocab.head_nouns.get(fold(last.group(0)))
            if type_ is not None and type_ != "Organization":  # "AgentCompany" is a benchmark
                return type_
        if type_ := self._type_by_ending(name):  # "KernelBench", "CRUXEval", "EpiCoder"
            return type_
        votes = Counter()
        for m in _after_each(name, _COMPARED, abstract):
            known = self.vocab.lookup(m["other"]) or self.vocab.lookup(_without_size(m["other"]))
            if known is not None and known.type in ("Software", "Model", "Technique", "Hardware"):
                votes[known.type] += 1
            elif m["other"].islower() and (kind := self.vocab.head_nouns.get(fold(m["other"]))):
                votes[kind] += 1  # "outperforms the state-of-the-art library"
        return min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0] if votes else "Technique"

    def _title_acronym(self, m: re.Match):
        """(short form, long form, type) when a title (``m``, matched by
        ``_TITLE_NAME``) reads "SF: Long Form ...", the long form's initials
        spelling the short form and its last word a head noun ("DSP: Dynamic
        Sequence Parallelism for ...")."""
        if not _ACRONYM_NAME.fullmatch(m["name"].strip()):
            return None
        sf = m["name"].strip()
        phrase = _NOUN_PHRASE.match(m["rest"]).group(0).strip()
        words = phrase.split()
        for n in range(len(words), 0, -1):  # the longest spelled-out prefix, if it ends in a head noun
            long_form = " ".join(words[:n])
            if _long_form(sf, long_form) == 0 and len(re.findall(r"[A-Z]", long_form)) >= len(sf) - 1:
                type_ = self.head_type_at_end(long_form)  # "ITME: Inference Tiered Memory Expansion" is no memory
                return (sf, long_form, type_) if type_ else None
        return None

    def _coined_models(self, text: str, vocab_spans):
        """(name, start, end) for names made of a known model's name and a
        version or a prefix."""
        for m in _COINED.finditer(text):
            token = _without_size(m.group(0).rstrip("."))
            if not is_name_like(token) or vocab_spans.contains(m.start(), m.end()):
                continue
            numbered = NUMBERED.fullmatch(token)
            if numbered and (known := self.vocab.numbered.get(fold(numbered["name"]))) is not None:
                yield known.label, m.start(), m.end()  # "ResNet8": a depth of a known family
                continue
            if self.vocab.lookup(token) is not None:
                continue
            family = _VERSION_SUFFIX.sub("", token)
            if family != token and token[len(family)].isdigit() and self.vocab.lookup(family) is None:
                family = token  # a glued number after no known name: "Linear-Llama3" is read by its last part
            if family != token:
                known = self.vocab.lookup(family)
                if known is not None and known.type == "Model" and self.vocab.lookup(token[len(family):].lstrip("-")) is None:
                    number = re.sub(r"^-?[A-Za-z]?", "", token[len(family):])
                    named = self.vocab.lookup(f"{known.label} {number}")  # "LLaMav2" is Llama 2
                    if named is None and token[len(family)].isdigit() and self._spaced_versions(known.label):
                        yield f"{known.label} {number}", m.start(), m.end()  # "Gemma4" is Gemma 4, as Gemma 3 is spaced
                        continue
                    yield (named.label if named is not None else token), m.start(), m.end()
                continue
            last = _LAST_PART.search(token)
            if last is None or last.start() < 2:
                continue
            part = last.group(0)
            first = token[: last.start()].rstrip("-")
            head = self.vocab.lookup(first)
            if (head is not None and head.type == "Model" and token[last.start() - 1] == "-"
                    and (moe := self.vocab.lookup(part)) is not None and moe.label == "mixture-of-experts"):
                yield token, m.start(), m.end()  # "GPT-MoE", "SwinV2-MoE": the model's mixture-of-experts variant
                continue
            if head is not None and (head.type == "Model" or token[last.start() - 1] == "-" and not first.isupper()):
                continue  # "DINOv3-ViT" is DINOv3 with its backbone named; "Transformer-Mamba" two known names
                # (but "PIM-GPT", an acronym and a model's name, is a name of its own)
            known = self.vocab.lookup(part) or self.vocab.lookup(_DIGITS_APART.sub(" ", part))
            if self.is_not_entity(first):  # "three LLMs-TinyLlama-1.1B": a dash lost before the model's name
                if known is not None and known.type == "Model":
                    yield known.label, m.start() + last.start(), m.end()
                continue
            if known is not None and known.type == "Model" and (
                part.isupper() or part in {x.replace(" ", "") for x in (known.label, *known.alt_labels, *known.hidden_labels)}
            ):
                yield token, m.start(), m.end()
            elif (known is not None and known.type == "Technique" and part.isupper() and first.isupper()
                  and len(first) <= 2 and token[last.start() - 1] == "-" and self.head_type(known.label) == "Model"):
                # "VQ-GAN", "DS-CNN": a named architecture of a known class (a longer
                # acronym before it mostly names a system: "LSM-GNN", a training framework)
                yield token, m.start(), m.end()

    def _spaced_versions(self, family: str) -> bool:
        """Whether the vocabulary writes a model family's versions with a space
        ("Gemma 3", "Llama 3"), not glued ("Qwen2.5", "Qwen3")."""
        if self._version_spacing is None:
            spacing: dict[str, str] = {}
            for c in self.vocab.concepts.values():
                if c.type == "Model" and (v := _LABEL_VERSION.fullmatch(c.label)):
                    spacing.setdefault(fold(v["family"]), v["space"])
            self._version_spacing = spacing
        return self._version_spacing.get(fold(family)) == " "

    def _siblings(self, text: str, end: int, surface: str, type_: str):
        """(concept, form) for the versions or product numbers listed right after a
        name ending in one: "Llama-2/3", "DeepSeek V2/V3/R1", "FlashAttention-2/3",
        "RTX 6000, 4090, 3090" name Llama 3, DeepSeek-V3 and R1, FlashAttention-3,
        RTX 4090 and 3090 (only what the vocabulary knows)."""
        pattern = _MORE_SKUS if type_ == "Hardware" else _MORE_VERSIONS
        last = _LAST_NUMBER.search(surface)
        if last is None:
            return
        for number in _SIBLING.findall(pattern.match(text, end).group(0)):
            form = surface[: last.start()] + number
            other = self.vocab.lookup(form)
            if other is not None and other.type == type_:
                yield other, form

    def _defined_type(self, text: str, long_form: str, short_form: str, start: int, end: int) -> str | None:
        """The type of a name the text defines with its spelled-out form,
        "Long Form (SF)" or "SF (Long Form)" from ``start`` to ``end``: the long
        form's head noun, else what the text around the definition calls it."""
        type_ = self.head_type_at_end(long_form)
        after = _NEXT_WORD.match(text, end)
        if (after and (named := self.vocab.head_nouns.get(fold(after[1])))
                and (type_ or self._named_method(long_form, short_form))
                and not (type_ == "Hardware" and named == "Model")):  # "Unified Bus (UB) network": no neural one
            # "Global Channel Pruning (PAGCP) framework", "Gradient-Adaptive Quantization-Aware Training (GAQAT)
            # framework": the head noun after it; not "first-order (FO) optimizers", a kind of a class
            type_ = named
        elif named := self._head_noun_naming(text, start):
            type_ = named  # "a framework called Feature Search and Reinforcement (FSR)"
        described = _APPOSITIVE_RE.match(text, end)
        if type_ is None and described:  # "PARallel Draft (PARD), a novel decoding method"
            type_ = self.head_type(described["desc"])
        if type_ is None and after and after[1].lower() in self.vocab.kind_nouns:
            type_ = "Technique"  # "jointly learnable codebooks and mappings (JLCM) method"
        if type_ is None and (_BY_INSTITUTION.search(text, max(0, start - 40), start)
                              or self.head_type_at_end(_before_preposition(long_form)) == "Organization"):
            type_ = "Organization"  # "in partnership with Software Heritage (SWH)", "University of Zorb (UZ)"
        if type_ is None and not _plural_acronym(short_form):
            # "learnable weight clipping (LWC)": a narrower kind of a known technique (not a class: "SKMs")
            words = long_form.split()
            tail = next((c for i in range(1, len(words)) if (c := self.vocab.lookup(" ".join(words[i:]))) is not None), None)
            if tail is not None and tail.type != "Organization":
                type_ = tail.type
        if type_ is None and self._named_method(long_form, short_form):
            type_ = "Technique"  # "Greedy Coordinate Gradient (GCG)"
        if type_ is None and short_form[1:] != short_form[1:].upper() and not _plural_acronym(short_form):
            type_ = self._type_where_used(text, long_form, short_form, end)  # a coined short form, not "CC", "MAE"
        return type_

    def _type_where_used(self, text: str, long_form: str, short_form: str, end: int) -> str | None:
        """The type a head noun gives a defined short form of mixed case where the
        text uses it later: "non-disaggregated (NoDG) ... the NoDG strategy" is a
        technique; not a field ("scientific machine learning (SciML) models")."""
        words = fold(long_form).split()
        if any(" ".join(words[i:]) in self.vocab.not_entities for i in range(len(words))):
            return None
        for at in _occurrences(short_form, text):
            if at < end or text[at - 1 : at] == "-" or (m := _NEXT_WORD.match(text, at + len(short_form))) is None:
                continue  # before the definition, or part of a hyphenated word
            word = fold(m[1])
            if (type_ := self.vocab.head_nouns.get(word)) is not None or word in self.vocab.kind_nouns:
                return type_ or "Technique"
        return None

    def _named_before_its_head(self, text: str, long_form: str, short_form: str, end: int, type_: str) -> bool:
        """Whether a proper name is defined right before the head noun that types it:
        "Unified Feature Optimization (UFO) model" names one model, no class of them."""
        return self.head_noun_after(text, end) == type_ and self._named_method(long_form, short_form)

    def _named_method(self, long_form: str, short_form: str) -> bool:
        """Whether an acronym's long form without a head noun is the proper name
        of a method: every word capitalised, one short form (not "LLMs"), and
        not a measure ("Generalization Gap", "Time-To-Accuracy") nor a rate
        ("Instructions Per Cycle"; "Pay-Per-Share" is a payout scheme)."""
        words = [w for w in re.split(r"[\s\-]+", long_form) if w[:1].isalpha() and w.lower() not in _FUNCTION_WORDS]
        if len(words) < 2 or not all(w[0].isupper() for w in words) or _PER_WORD.search(long_form):
            return False
        if _plural_acronym(short_form):
            return False
        return fold(words[-1]) not in self.vocab.measure_nouns

    def _after_modifier(self, text: str, start: int) -> bool:
        prev = _word_before(text, start)
        if prev is None or _SUBJECT_BEFORE.search(text, max(0, prev[1] - 12), prev[1]):
            return False  # "we skip fine-tuning": a verb, not a modifier (not after "to": "compared to class-wise pruning")
        return self._is_modifier(prev[0], text[start].isupper() or prev[2])

    def _is_modifier(self, word: str, title_case: bool, head: bool = False) -> bool:
        """An ordinary word that can open a technique's name (or, with ``head``,
        end it: "load balancing" in "load balancing strategies")."""
        lower = word.lower()
        if lower in _FUNCTION_WORDS or lower in self.vocab.not_modifiers or lower.endswith("ly"):
            return False
        if any(c.isdigit() for c in word) or is_name_like(word) or (word[0].isupper() and not title_case):
            return False
        if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
            return False  # "enables", "experts": verbs and plurals do not modify
        if fold(lower) in self.vocab.not_entities:
            return False  # "model fine-tuning" is fine-tuning
        if lower.endswith("ing") and not head and fold(lower) not in self.vocab.phrase_heads:
            concept = self.vocab.lookup(lower)
            if concept is None or concept.type != "Technique":
                return False
        concept = self.vocab.lookup(lower)
        return concept is None or concept.type == "Technique"

    def _is_prose(self, text: str, start: int, surface: str) -> bool:
        """A word used in its ordinary English sense ("received much attention"),
        or in a fixed phrase of its own ("the MIT license")."""
        key = surface.lower()
        next_words = self.vocab.not_before.get(key)  # "MIT" is no mention before "license"
        if next_words:
            following = _NEXT_WORD_OR_PART.match(text, start + len(surface))  # also "Frontier-based"
            if following and following[1].lower() in next_words:
                return True
        prev_words = self.vocab.not_after.get(key)  # "attention" is no mention after "received"
        if not prev_words:
            return False
        prev = _PREV_WORD.search(text, max(0, start - 30), start)
        return bool(prev) and prev.group(1).lower() in prev_words

    def _is_compound(self, name: str) -> bool:
        """A name made of vocabulary labels joined by hyphens or slashes
        ("CPU-GPU"), or of a known label after a lower-case prefix ("multi-GPU",
        "intra-GPU", "single-CPU"), or a name between lower-case words
        ("same-NUMA-node", "per-SM-level"): a modifier, not a name."""
        parts = re.split(r"[-/]", name)
        if len(parts) < 2:
            return False
        if len(parts) > 2 and all(p.isalpha() and p.islower() for p in (parts[0], parts[-1])):
            return True
        if parts[0].islower() and len(parts) == 2 and self.vocab.lookup(parts[1]) is not None:
            return True
        return all(self.vocab.lookup(p) for p in parts)

    def _elliptical(self, text: str):
        """("<item> <head>", start, end) for lists whose items share one head word, also
        after a hyphen ("data- and tensor-parallelism", "tensor-/pipeline-parallelism")."""
        for m in _ELLIPSIS.finditer(text):
            if _TWO_PHRASES.fullmatch(m["items"]):
                continue  # "data layout, and operators-specific optimization": two phrases, no shared head
            for item in _LIST_SPLIT.split(m["items"].replace("/", ", ")):
                if item:
                    yield f"{item} {m['head']}", m.start(), m.end()
        for m in _SUSPENDED_HYPHEN.finditer(text) if "- " in text or "-/" in text or "-," in text else ():
            for item in _HYPHENED_ITEM.findall(m["items"]):
                yield f"{item} {m['head']}", m.start(), m.end()
        for m in _PAREN_LIST.finditer(text):
            found = _HEAD_BEFORE_PAREN.search(text, max(0, m.start() - 40), m.start())
            if not found:
                continue
            # "parallelism techniques (data, pipeline, tensor)": the head before the kind noun
            head = found[1] if found[2] and self._is_kind_noun(found[2]) else found[2] or found[1]
            for item in _LIST_SPLIT.split(m["items"]):
                if item:
                    yield f"{item} {head}", m.start(), m.end()

    def _model_inside(self, text: str):
        """("<word> <word>", start, end) for a known technique's two words with the
        model it is applied to between them: "unstructured model pruning",
        "collaborative LLM inference"; not a participle ("a sparse model trained")."""
        for m in _MODEL_INSIDE.finditer(text):
            if not m[2].endswith("ed") and (c := self.vocab.lookup(f"{m[1]} {m[2]}")) is not None and c.type == "Technique":
                yield f"{m[1]} {m[2]}", m.start(), m.end()

    def _is_kind_noun(self, word: str) -> bool:
        word = word.lower()
        kinds = self.vocab.kind_nouns
        return word in kinds or word[:-1] in kinds or (word.endswith("ies") and word[:-3] + "y" in kinds)

    def _coordinated(self, text: str, start: int, surface: str):
        """Concepts named by coordination with a matched label: "data, tensor
        and pipeline parallelism" names data and tensor parallelism too."""
        words = surface.split()
        if len(words) < 2:
            return
        rest = " ".join(words[1:])
        end = start
        while True:
            m = _COORDINATED.search(text, max(0, end - 60), end)
            if not m:
                return
            form, start_at = f"{m['word']} {rest}", m.start()
            concept = self.vocab.lookup(form)
            if concept is None:
                return
            # a known narrower label with the word before: "discrete Fourier and Hadamard transforms"
            # names the discrete Fourier transform, not the Fourier transform
            before = _WORD_BEFORE_CONJUNCT.search(text, max(0, m.start() - 40), m.start())
            if before and (longer := self.vocab.lookup(f"{before[1]} {form}")) is not None:
                concept, form, start_at = longer, f"{before[1]} {form}", before.start(1)
            yield concept, form, start_at
            end = start_at

    def _title_name_ok(self, name: str) -> bool:
        words = name.split()
        if not words or len(words) > 4 or self.is_not_entity(name):
            return False
        if "," in name:
            return False  # a slogan of two phrases, not a name: "Less Experts, Faster Decoding: ..."
        if words[0].lower() in _LEADING_ADJECTIVES:
            return False
        if len(words) == 1:
            return bool(_NAME_RE.fullmatch(name)) and (name[0].isupper() or is_name_like(name))
        if any(w.lower() in _FUNCTION_WORDS for w in words):
            return False
        if not all(w[0].isupper() or w[0].isdigit() or is_name_like(w) for w in words):
            return False
        last = words[-1]
        if (last.isalpha() and not is_name_like(last) and (last.endswith("ed") or last.endswith("s") and (
                self.vocab.head_nouns.get(fold(last)) and fold(last) != last.lower() and self.vocab.lookup(last) is None))
                and not any("-" not in w and is_name_like(w) for w in words[:-1])):
            return False  # a topic, not a name: "... Sparsification Revisited", "Transfer-Tuned Cost Models"
            # (but "PyTorch Distributed", "Block Transformers")
        return any(is_name_like(w) or _COINED_MARK.search(w) for w in words) or self.head_type(words[-1]) is not None

    def _type_of_name(self, name: str, described, description: str, abstract: str = "") -> tuple[str, int]:
        """Type a name by its own head ("LUT Tensor Core" is a Tensor Core), else the
        abstract's description of it, else the title's, else a known word in it."""
        words = name.split()
        if len(words) > 1 and (t := self.head_type(words[-1])):  # "Narrow Transformer" is a named model
            return t, _TITLE
        for i in range(1, len(words)):
            head = self.vocab.lookup(" ".join(words[i:]))
            if head is not None and head.type != "Organization":
                return head.type, _TITLE
        for found, type_, _ in described:
            if type_ is not None and fold(found) == fold(name):
                return type_, _APPOSITIVE
        if " " in name:  # "We introduce POPGym Arcade, a benchmark ...": a name of several words
            for m in _after_each(name, _APPOSITIVE_RE, abstract):
                if t := self.head_type(m["desc"]):
                    return t, _APPOSITIVE
        for m in _after_each(name, _NEXT_WORD, abstract):  # "we release the Idioms series of models"
            start = m.start() - len(name)
            if abstract[max(0, start - 4) : start].lower() == "the " and (t := self.vocab.head_nouns.get(fold(m[1]))):
                return t, _APPOSITIVE
        if type_ := self._type_by_ending(name):  # "HeliosDB: GPU-Accelerated Vector Search": a database,
            return type_, _TITLE  # whatever it does
        first = description.split(" ", 1)[0].lower()
        if first in ("a", "an", "the"):  # "A Temporal Fusion Framework for ..."
            t = self.head_type(description)
        elif not first.endswith("ing"):  # "Enabling GPU ..." describes no head
            # without an article the head must end the phrase: "... Model Serving" is no model
            t = self.head_type_at_end(_NOUN_PHRASE.match(description).group(0))
        else:
            t = None
        if t:
            return t, _TITLE
        parts = re.split(r"[\s\-]+", name)
        if len(parts) > 1 and fold(parts[-1]) not in self.vocab.not_entities:
            t = self.head_type(parts[-1])  # "M2-Encoder"; not "Flash-LLM", mostly a system
            if t and t != "Organization":  # "CAMEL-Society" names agents, not a society
                return t, _TITLE
        known = [c for c in map(self.vocab.lookup, parts) if c is not None and c.type not in ("Organization", "Hardware")]
        if known:  # "PyTorch Distributed"; not "Occamy-LLM", a system for the Occamy chip, not the chip
            return known[0].type, _PATTERN
        type_ = self._type_by_comparison(name, abstract)
        if type_ == "Technique" and _SYSTEM_WORD.search(abstract) and not _METHOD_WORD.search(abstract):
            type_ = "Software"  # an abstract that speaks of systems and never of a method presents a system
        return type_, _PATTERN

    def _described_names(self, abstract: str, such_as=None, names_then_heads=None, own: str | None = None):
        """Yield (name, type, introduced) for names the abstract describes by a head noun
        (``such_as``, ``names_then_heads``: the abstract's matches of those list patterns, if found already;
        ``own``: the name the title gives, a name even when an ordinary word: "Skim is a ... framework")."""
        seen = set()
        proposals = list(_PROPOSE.finditer(abstract))
        proposed = {_clean_name(m["name"]) for m in proposals} | ({own} if own else set())
        candidates = []
        described_words = set()  # ordinary capitalised words an appositive describes mid-sentence
        for m in _APPOSITIVE_RE.finditer(abstract):
            if abstract.startswith(",", m.start()) and _INTRO_PHRASE.search(abstract, max(0, m.start() - 120), m.start()):
                continue  # "In simulation with Ramulator 2.0, a GPU with PIM achieves ...": the sentence's subject
            before = (_NAME_IN_PARENS_AT_END.search(abstract, max(0, m.start() - 30), m.start())
                      or _NAME_AT_END.search(abstract, max(0, m.start() - 80), m.start()))
            name = before and before["name"]
            if name and _VERSION_NUMBER.fullmatch(name):  # "ZorbVL 2.5, a vision-language model"
                named = _NAME_BEFORE_VERSION.search(abstract, max(0, before.start("name") - 40), before.start("name"))
                word = named and named.group(0).strip()
                name = word and (is_name_like(word) or self.vocab.lookup(word)) and abstract[named.start() : before.end("name")]
            elif name and is_name_like(name) and (prev := _word_before(abstract, before.start("name"))):
                word, at, opens_sentence = prev
                if (_TITLE_WORD.fullmatch(word) and not opens_sentence and word.lower() not in _FUNCTION_WORDS
                        and self.vocab.lookup(word) is None and not self.is_not_entity(word)):
                    name = abstract[at : before.end("name")]  # "the Matrix Nuclear-Norm is a tool": one name
            if name and name[0].isupper() and (of := _CAPITAL_OF_BEFORE.search(abstract, max(0, before.start("name") - 40),
                                                                               before.start("name"))):
                name = abstract[of.start() : before.end("name")]  # "the Graph of Effort, a method": one name
            if name and (m["det"] != "our" or _clean_name(name) in proposed):  # "we propose X, our framework"
                candidates.append((name, self.head_type(m["desc"])))
                if _TITLE_WORD.fullmatch(name) and _LOWER_WORD_BEFORE.search(abstract, max(0, before.start() - 30), before.start()):
                    described_words.add(name)  # "we compare against Orca, a serving system"
        called = set()  # names a calling word gives: names even when ordinary words ("a compiler called Relax")
        for m in _CALLED.finditer(abstract) if any(w in abstract for w in _CALLING_WORDS) else ():  # names the whole phrase: "a paradigm on GPU, called X"
            desc = _last_words(abstract, m.start())
            # "a paradigm on GPU, called X" is a paradigm; "ideas in a system named X", a system
            type_ = desc and (self.head_type_at_end(_without_trailing_pp(desc)) or self.head_type_at_end(desc))
            candidates.append((m["name"], type_ or None))
            if not m.group(0).startswith("namely") and not _NEXT_CAPITAL.match(abstract, m.end()):
                called.add(_clean_name(m["name"]))  # not the first word of a longer name: "called Feature Search"
            elif m.group(0).startswith("namely"):  # "two frameworks, namely, V-Zorb and I-Zorb"
                at = m.end()
                while (more := _MORE_NAME.match(abstract, at)) is not None:
                    candidates.append((more["name"], type_ or None))
                    at = more.end()
        for m in _HEAD_BEFORE.finditer(abstract):  # in apposition to the nearest noun
            desc = _last_words(abstract, m.start())
            candidates.append((m["name"], self.head_type_at_end(desc) if desc else None))
        for m in _NAME_AFTER_WORD.finditer(abstract):
            if type_ := self._head_noun_before(abstract, m.start()):  # "the dataset BM-6B"
                candidates.append((m["name"], type_))
        for m in _PROPOSE_NAMED_KIND.finditer(abstract):
            if m["kind"] in self.vocab.kind_nouns and is_name_like(m["name"]):
                proposed.add(m["name"])
                candidates.append((m["name"], "Technique"))
        for m in _PAREN_NAME.finditer(abstract) if " (" in abstract else ():
            type_ = self._head_noun_before(abstract, m.start())  # "a technique (Variance Horizon)"
            if type_ and (" " in m["name"] or is_name_like(m["name"])):
                candidates.append((m["name"], type_))
        if such_as is None:
            such_as = _HEAD_SUCH_AS.finditer(abstract) if _SUCH_AS_HINT.search(abstract) else ()
        for m in such_as:
            type_ = self.vocab.head_nouns.get(fold(m["head"]))  # "systems such as FasterTransformer and Orca"
            names = [_without_size(name) for name in _LIST_SPLIT.split(m["names"]) if name]  # "MindLLM-1.3B"
            if names and (more := _NEXT_TITLE_WORD.match(abstract, m.end("names"))) and \
                    self.vocab.lookup(f"{names[-1]} {more[1]}") is not None:
                names.pop()  # "... LUMI and El Capitan": the last name goes on past the list's one word
            # a list of names, not of words ("models such as Base and Chat versions"): one known or coined
            if type_ is not None and any(is_name_like(name) or self._known_as_written(name) for name in names):
                for name in names:
                    if not (name[0].isupper() or is_name_like(name)):
                        continue  # "methods such as pruning and distillation": words, named by the vocabulary
                    if self.vocab.lookup(name) is None and self.vocab.lookup(_SIZE_WORD.sub("", name)) is None:
                        candidates.append((name, type_))  # not "Bert-Base": BERT, found as such
                        described_words.add(name)  # named by the list's head noun, even an ordinary word
        for m in _NAMES_THEN_HEADS.finditer(abstract) if names_then_heads is None else names_then_heads:
            # "HumanEval and MBPP benchmarks"
            type_ = self.vocab.head_nouns.get(fold(m["head"]))
            if type_ is not None:
                candidates.extend((name, type_) for name in _LIST_SPLIT.split(m["names"]) if name)
        for m in filter(None, (_PROPOSED_WORDS_NAME.match(abstract, p.start()) for p in proposals)):
            described = _APPOSITIVE_RE.match(abstract, m.end())  # "We present Zorb Serve, a serving system"
            if described and (type_ := self.head_type(described["desc"])):
                proposed.add(m["name"])
                candidates.append((m["name"], type_))
        for m in _OUR_HEAD_NAME.finditer(abstract):
            type_ = self.vocab.head_nouns.get(fold(m["head"]))
            if type_ is not None:  # "our method Flash Sparse Attention": all its capitalised words
                end = m.end("name")
                for _ in range(3):  # ordinary words, not names of their own ("our method FooQuant Llama 2 runs")
                    more = _NEXT_TITLE_WORD.match(abstract, end)
                    known = more and self.vocab.lookup(more[1])
                    if not more or known is not None and known.type != "Technique":
                        break
                    end = more.end()
                name = abstract[m.start("name") : end]
                proposed.add(_clean_name(name))
                candidates.append((name, type_))
        for m in _NAME_THEN_HEAD.finditer(abstract):
            name = m["name"]
            the_before = abstract[max(0, m.start() - 4) : m.start()].lower() == "the "
            if not is_name_like(name) or name.isupper() and not (len(name) > 3 and name.isalpha() and the_before):
                continue  # an acronym before a noun is mostly a modifier ("GPU cluster"); not "the SAPIEN simulator"
            head = m["head"].split()
            type_ = self._compound_head_type(head)
            if type_ is None or self._is_compound(name) or self.vocab.lookup(f"{name} {head[0]}"):
                continue  # (not "the Ben-Or protocol": a known name as a whole)
            if abstract.count(name) < 2 and not the_before:
                continue  # wanted: "the Flover framework", "PatrickStar system ... PatrickStar uses"
            candidates.append((name, type_))
        for m in _THE_WORD_THEN_HEAD.finditer(abstract) if "the " in abstract else ():
            name, head = m["name"], m["head"].split()  # "the Sparseloop framework"
            type_ = self._compound_head_type(head)
            if self.vocab.lookup(f"{name} {head[0]}") is not None:
                continue  # "the Alps system": a known name as a whole
            if (type_ in ("Software", "Dataset") and not _PROPER_ADJECTIVE.search(name)  # not "the Teacher model"
                    and self.vocab.lookup(name) is None and not self.is_not_entity(name)):
                described_words.add(name)
                candidates.append((name, type_))
        out = []
        for raw, type_ in candidates:
            name = _clean_name(raw)
            if type_ is None or name in seen or not name[:1].isalpha() or _MODIFIER_SUFFIX.search(name):
                continue
            if sum(c.isalpha() for c in name) < 2 and not re.search(r"[*+!]", name) and name not in proposed:
                continue  # "V100, a GPU"; but "we present L4, a runtime system" names the paper's L4
            if self._is_compound(name) and name not in called:  # "a model named SwinV2-MoE" is one
                continue
            if not (is_name_like(name) or ((name in proposed or name in called or name in described_words) and name[:1].isupper())):
                continue
            if self.is_not_entity(name) or name.lower() in _FUNCTION_WORDS:
                continue
            if name not in proposed and next(_after_each(name, _LAW_AFTER, abstract), None):
                continue  # "Navier-Stokes solvers" where "the Navier-Stokes equation" names what they solve
            seen.add(name)
            out.append((name, type_, name in proposed))
        alone = {_clean_name(m["name"]) for m in proposals
                 if not _NEXT_CAPITAL.match(abstract, m.end())  # not "we build LUT Tensor Core"
                 and not self._technique_head_follows(abstract, m.end())}  # nor "we propose SWARM parallelism"
        for name in sorted(alone - seen):  # "we propose BiP": a name, type unknown
            if (is_name_like(name) and not self._is_compound(name) and not _MODIFIER_SUFFIX.search(name)
                    and not self.is_not_entity(name) and self.vocab.lookup(name) is None):
                out.append((name, None, True))
        return out

    def _lists_a_dataset(self, text: str, start: int, end: int, surface: str) -> bool:
        """Whether the list from ``start`` to ``end`` has, besides ``surface``, an item that
        names a dataset: known as one, or a coined name ("GQA and MileBench datasets")."""
        for item in _LIST_SPLIT.split(text[start:end]):
            item = item.strip()
            if item and item != surface and not _MODIFIER_SUFFIX.search(item):  # not "MLP-like and ... workloads"
                known = self.vocab.lookup(item)
                if known is not None and known.type == "Dataset" or known is None and is_name_like(item):
                    return True
        return False

    def _compound_head_type(self, words: list[str]) -> str | None:
        """The type the head noun of one or two words after a name gives: "framework";
        "network simulator" (a simulator), "memory-bandwidth benchmark" (a benchmark)."""
        type_ = self.vocab.head_nouns.get(fold(" ".join(words)))
        if type_ or not words:
            return type_
        first = None if "-" in words[0] else self.vocab.head_nouns.get(fold(words[0]))
        if len(words) > 1 and (first or "-" in words[0]):
            return self.vocab.head_nouns.get(fold(words[-1])) or first
        return first

    def _new_coined_name(self, name: str, local, vetoed) -> bool:
        """Whether a name in a list is a coined name the vocabulary and the text's own
        definitions (``local``, ``vetoed``) do not know: inner capitals or digits, no
        modifier ("GPTQ-based") nor compound of known names ("CPU-GPU")."""
        return (self.vocab.lookup(name) is None and is_name_like(name) and name not in local
                and fold(name) not in vetoed and not _MODIFIER_SUFFIX.search(name)
                and not self._is_compound(name) and sum(c.isalpha() for c in name) >= 2)

    def _case_variant(self, name: str) -> Concept | None:
        """The concept a coined name of mixed case written in a list names where the
        label's case kept it from matching ("LoMo" for LOMO): not a capitalised word
        ("Pluto") nor one in capitals ("DIT" is no DiT)."""
        if name == name.upper() or not is_name_like(name) or not any(c.isupper() for c in name[1:]):
            return None
        return self.vocab.lookup(name)

    def _written_form(self, label: str) -> str:
        """What is left of a name without case, spaces and hyphens, known acronyms
        in it spelled out: "Zorb-MoE" and "Zorb Mixture of Experts" are one."""
        parts = []
        for part in fold_separators(label).split():
            known = self.vocab.lookup(part) if _ACRONYM_PART.fullmatch(part) else None
            parts.append(known.label if known is not None else part)
        return "".join(fold_separators(" ".join(parts)).split()).lower()

    def _known_as_written(self, name: str) -> bool:
        """Whether a vocabulary label is written exactly so ("Triton"; not "Math" for MATH)."""
        c = self.vocab.lookup(name)
        return c is not None and name in (c.label, *c.alt_labels, *c.hidden_labels)

    def head_noun_after(self, text: str, at: int) -> str | None:
        """The type the word at ``at`` names as a head noun ("dataset" in
        "the PIE dataset"), if it is one."""
        after = _NEXT_WORD.match(text, at)
        return after and self.vocab.head_nouns.get(fold(after[1]))

    def _head_noun_before(self, text: str, at: int) -> str | None:
        """The type named by the head noun right before ``at``, read as written:
        singular only (taking plurals too added only false hits on the development
        and held-out parts), two words where they name another kind ("code generator")."""
        head = _word_before(text, at)
        type_ = head and self.vocab.head_nouns.get(head[0])
        if not type_:
            return None
        before = _word_before(text, head[1])
        return (before and self.vocab.head_nouns.get(fold(f"{before[0]} {head[0]}"))) or type_

    def _head_noun_naming(self, text: str, at: int) -> str | None:
        """The type of a head noun that names what starts at ``at``: "a framework
        called X", "a system, X" (a noun right before it may be its first word)."""
        calling = _CALLING_BEFORE.search(text, max(0, at - 50), at)
        return self.vocab.head_nouns.get(calling["head"]) if calling else None

    def _technique_head_follows(self, text: str, at: int) -> bool:
        following = _NEXT_WORD.match(text, at)
        return following is not None and fold(following.group(1)) in self.vocab.phrase_heads

    def _devices_in_techniques(self, mentions: dict[str, Mention]) -> None:
        """A known technique named after the device it runs on ("CPU offloading",
        "GPU sharing") mentions that device too."""
        for m in [m for m in mentions.values() if m.type == "Technique" and m.evidence == _VOCAB]:
            for surface in sorted(m.surfaces):
                first = _DEVICE_FIRST.match(surface)
                device = first and self.vocab.lookup(first[1])
                if device is not None and device.type == "Hardware" and first[1] in (device.label, *device.alt_labels):
                    key = fold(device.label)
                    if key not in mentions:
                        mentions[key] = Mention(key, device.label, "Hardware", evidence=_VOCAB)
                    mentions[key].surfaces.add(first[1])

    def _vendor_rule(self, text: str, mentions: dict[str, Mention]) -> None:
        """A vendor's name inside a product name is not an Organization mention:
        drop NVIDIA when every "NVIDIA" is followed by a named product."""
        for vendor in self.vendors:
            key = fold(vendor)
            if key not in mentions:
                continue
            standalone = False
            for m in re.finditer(r"(?<!\w)" + re.escape(vendor) + r"(?!\w)", text, re.IGNORECASE):
                rest = text[m.end() :]
                if rest.startswith(("'s", "\u2019s")):
                    standalone = True
                    break
                sku = _SKU.match(text, m.end())
                if sku and self._product(vendor, sku["sku"]):
                    continue  # "NVIDIA 3090"
                nxt = self.match_vocabulary(rest[:60])  # a product: "NVIDIA H100"; not "NVIDIA 2:4 sparsity",
                # nor a class written in capitals ("Huawei NPUs", "Google TPUs": the maker and the class)
                if not (nxt and nxt[0][0] <= 1 and nxt[0][2].broader and nxt[0][2].type not in ("Organization", "Technique")
                        and not (nxt[0][2].label.isupper() and " " not in nxt[0][2].label)):
                    standalone = True
                    break
            if not standalone:
                del mentions[key]


def _spelled_alike(long_form: str, short_form: str, concept: Concept) -> bool:
    """Whether a long form spells the concept out as its labels do: half its words are
    the words of its labels that spell ``short_form`` out ("central processing unit" for
    CPU); true where no label spells it out to compare with ("Tensor Virtual Machine (TVM)")."""
    split = [[w for w in re.split(r"[\s\-/]+", label.lower()) if w] for label in (concept.label, *concept.alt_labels)]
    spelled = [words for words in split if "".join(w[0] for w in words) == short_form.lower()]
    if not spelled:
        return True
    known = {fold(w) for words in spelled for w in words}
    words = [fold(w) for w in re.split(r"[\s\-/]+", long_form) if w and w.lower() not in _FUNCTION_WORDS]
    return not words or 2 * sum(w in known for w in words) >= len(words)


def _plural_acronym(short_form: str) -> bool:
    """An acronym's plural: "LLMs", "GNNs", also "Video-LLMs", "SpeechLMs"."""
    return len(short_form) > 2 and short_form.endswith("s") and short_form[-2].isupper()


def _surveyed_topic(title_name: re.Match) -> bool:
    """Whether a title's "<words>: A Survey of ..." names the topic a survey or
    study covers rather than a thing of its own (no coined word in it)."""
    return bool(_SURVEY.match(title_name["rest"])) and not any(
        is_name_like(part) or _COINED_MARK.search(part) for part in re.split(r"[\s\-]+", title_name["name"]))


def _class_only_as_a_names_head(text: str, mentions: dict[str, Mention]) -> None:
    """A hardware class (a lower-case label) written only as the head noun that
    says what a name is ("SpecFPGA, an accelerator that ...", "PIM-GPT: A Hybrid
    Process-in-Memory Accelerator for ...") types that name; it is no mention of
    the class: drop it then."""
    classes = [key for key, m in mentions.items() if m.type == "Hardware" and m.label == m.label.lower()]
    heads = {h.start("head") for h in _NAMES_HEAD.finditer(text)} if classes else None
    for key in classes if heads else ():
        if all(at in heads for s in mentions[key].surfaces for at in _occurrences(s, text)):
            del mentions[key]


def _read_as_a_word(text: str, start: int, end: int, label: str) -> bool:
    """Whether a discovered name found at ``text[start:end]`` in capitalised letters
    only reads as the ordinary word there: opening a sentence ("Relax the bound."
    is no Relax), in another case than the name ("Compile-Time" is no ComPile) or
    joined to the next word ("Cascade-Aware" is no Cascade)."""
    surface = text[start:end]
    return surface.istitle() and surface.isalpha() and bool(
        _SENTENCE_START.search(text, max(0, start - 3), start) or text.startswith("-", end)
        or surface != label and not label.istitle())


def _inside_a_label(extractor: Extractor, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a longer vocabulary label written
    there, looked for in a window around it (not the whole text: this runs per
    name found elsewhere in the corpus)."""
    low = max(0, start - _LABEL_REACH)
    window = text[low : end + _LABEL_REACH]
    return any(s <= start - low and end - low <= e and e - s > end - start
               for s, e, _, _ in extractor.match_vocabulary(window))


def _occurrences(name: str, text: str):
    """Where ``name`` is written in ``text``, as a whole word."""
    at = text.find(name)
    while at >= 0:
        if not (text[at - 1 : at].isalnum() or text[at + len(name) : at + len(name) + 1].isalnum()):
            yield at
        at = text.find(name, at + 1)


def _after_each(name: str, pattern: re.Pattern, text: str):
    """Matches of ``pattern`` right after each occurrence of ``name`` (as
    ``re.finditer(re.escape(name) + pattern.pattern, text)`` finds them,
    without compiling a pattern per name)."""
    at = text.find(name)
    while at >= 0:
        m = pattern.match(text, at + len(name))
        if m:
            yield m
            at = text.find(name, m.end())
        else:
            at = text.find(name, at + 1)


def _kind(concept: Concept) -> str | None:
    """What a context label needs beside it, as a concept's definition says:
    a programming language ("language"), other software, a supercomputer
    ("machine"; not "a processor of the Sunway supercomputer"), or nothing."""
    definition = concept.definition or ""
    if concept.type == "Software":
        return "language" if "language" in definition else "software"
    if any("supercomputer" in label.lower() for label in (concept.label, *concept.alt_labels, *concept.hidden_labels)):
        return "machine"  # "Piz Daint supercomputer"
    return "machine" if "supercomputer" in _DEFINITION_HEAD.split(definition, 1)[0].lower() else None


def _beside_one_of(text: str, start: int, end: int, starts: set[int], ends: set[int], joined=None) -> bool:
    """Whether a name starting at one of ``starts`` or ending at one of ``ends``
    is joined to ``text[start:end]`` by slashes, a comma, "and" or "or"
    ("C/Assembly/Rust", "Rust and C"); ``joined``, a pair of patterns (after,
    before), narrows the joins (``_AND_OR``: no bare comma)."""
    after_re, before_re = joined or (_JOINED_AFTER, _JOINED_BEFORE)
    at = end
    while text.startswith("/", at):  # "C/Assembly/Bash/Rust"
        if at + 1 in starts:
            return True
        part = _CHAIN_PART.match(text, at + 1)
        if part is None:
            break
        at = part.end()
    paren = _PAREN_AFTER.match(text, end)  # "Polaris (NVIDIA A100) and Frontier": past what it runs on
    after = after_re.match(text, paren.end() if paren else end)
    if after and after.end() in starts:
        return True
    before = before_re.search(text, max(0, start - 7), start)
    if before is None:
        return False
    if before.start() in ends:
        return True
    paren = _PAREN_BEFORE.search(text, max(0, before.start() - 50), before.start())
    return paren is not None and paren.start() in ends


def _broader_by_head(label: str, type_: str, vocab: Vocabulary) -> tuple[str, ...]:
    """The vocabulary concept a found name's last words name, of its type: the
    broader concept of "wave-like pipeline parallelism" is pipeline parallelism,
    of "LUT Tensor Core" Tensor Core (guide rule 4: the hierarchy is in the graph);
    a coined model's is the model it versions or ends in, as the vocabulary has
    Llama 3.2 under Llama ("ColBERTv3" under ColBERT, "WebGLM" under GLM); a
    dataset variant's the dataset ("ImageNet-S" under ImageNet)."""
    words = label.split()
    pieces = [" ".join(words[i:]) for i in range(1, len(words))]
    if type_ == "Model":
        last = _LAST_PART.search(label)
        pieces += [_VERSION_SUFFIX.sub("", label), " ".join(words[:-1]), last and last.group(0)]
    elif type_ == "Dataset":  # a variant: "ImageNet-S" under ImageNet
        pieces.append(label.rsplit("-", 1)[0])
    for piece in pieces:
        concept = vocab.lookup(piece) if piece and piece != label else None
        if concept is not None and concept.type == type_:
            return (concept.label,)
    return ()


def _last_words(text: str, at: int) -> str | None:
    """Up to eight words just before ``at`` (within 100 characters), or None."""
    window = text[max(0, at - 100) : at]
    m = _LAST_WORDS_REVERSED.match(window[::-1])
    return window[len(window) - m.end() :] if m else None


class _Spans:
    """Spans of the text (start, end), asked in O(log n) whether one contains,
    crosses or ends at a point: pairwise tests grow with the square of a long
    text's matches."""

    def __init__(self, spans):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))  # the farthest end so far
        self.first_start = {}  # end -> the smallest start of a span ending there
        for s, e in spans:
            self.first_start.setdefault(e, s)

    def contains(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end

    def crosses(self, at: int) -> bool:
        """Whether a span starts before ``at`` and ends after it."""
        i = bisect_left(self.starts, at) - 1
        return i >= 0 and self.reach[i] > at

    def ends_at(self, end: int, starting_by: int) -> bool:
        return self.first_start.get(end, starting_by + 1) <= starting_by


def paper_text(title: str, abstract: str) -> str:
    """The text of a paper as extraction reads it: title, line break, abstract,
    as plain text, links blanked out (same length), "8xA800" as "8 A800"."""
    return _joined_text(plain_text(title), plain_text(abstract))


def _joined_text(title: str, abstract: str) -> str:
    """Plain title and abstract as one text, each character where it was."""
    text = f"{title}\n{abstract}" if abstract else title
    if "://" in text or "www." in text.lower() or "/" in text and any(d in text.lower() for d in _URL_DOMAINS):
        text = _URL.sub(lambda m: " " * len(m.group(0)), text)
    return _GLUED_COUNT.sub(r"\1 ", text)  # "8xA800": eight A800s


def plain_text(text: str) -> str:
    """Text with LaTeX accents and inline math written as plain characters, as
    arXiv abstracts often have them: ``T\\"ulu`` is Tülu, ``M$^3$ViT`` is M^3ViT;
    HTML character references unescaped (``&amp;``); compatibility characters
    folded (NFKC: the ligature in "ﬁne-tuning", full-width letters, "M³ViT") and
    invisible ones (soft hyphens, zero-width spaces) dropped, as PDF copies have them;
    runs of spaces and tabs one space, as the readers give text."""
    if "&" in text and _HTML_REFERENCE.search(text):
        import html  # rare: its entity table costs 5 ms to import

        text = html.unescape(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    if "  " in text or "\t" in text or " \n" in text or "\n " in text:  # as the readers give it: "pipeline  parallelism"
        text = _LAYOUT_SPACE.sub(lambda m: "\n" if "\n" in m.group(0) else " ", text)
    if "\\" in text:
        text = _LATEX_ACCENT.sub(lambda m: unicodedata.normalize("NFC", m["letter"] + _ACCENTS[m["accent"] or m["accent2"]]), text)
    if "\\" in text and _LATEX_SYMBOL.search(text):  # "$\mu$Scale", "PixArt-$\alpha$", "4$\times$"
        text = _LATEX_SYMBOL.sub(lambda m: _SYMBOLS[m[1]], text)
    if "\\" in text and _LATEX_ESCAPE.search(text):  # "io\_uring", "R\&D"
        text = _LATEX_ESCAPE.sub(r"\1", text)
    if "--" in text:  # LaTeX's en dash between words: "GEMM--LayerNorm" is GEMM-LayerNorm
        text = _DOUBLE_HYPHEN.sub("-", text)
    if "$" in text:  # "M$^3$ViT" is M^3ViT; "H$_2$O", "$\mathrm{H_2O}$" are H2O
        text = _INLINE_MATH.sub(_inline_math, text)
    if "\\text" in text or "\\emph" in text:  # "\textbf{Positional Encoding}": the words, not the markup
        text = _LATEX_STYLE_OPEN.sub("", _LATEX_STYLE.sub(r"\1", text))
    return text


_ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328", "r": "\u030a"}
# \"u, \"{u}, {\"u}, \'{e}, \c{c}, \v s
_LATEX_ACCENT = re.compile(
    r"\{?\\(?:(?P<accent>[\"'`^~=])\s*\{?|(?P<accent2>[uvHckr.])(?:\{|\s(?=[A-Za-z](?![A-Za-z]))))(?P<letter>[A-Za-z])\}?\}?"
)
_GREEK = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau "
          "upsilon phi chi psi omega").split()
_SYMBOLS = {  # LaTeX's names of letters and signs that arXiv abstracts write in math: "$\mu$Scale"
    **dict(zip(_GREEK, "αβγδεζηθικλμνξοπρστυφχψω")),
    **dict(zip((name.capitalize() for name in _GREEK), "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ")),
    "varepsilon": "ε", "vartheta": "θ", "varphi": "φ", "varrho": "ρ", "varsigma": "ς",
    "times": "×", "sim": "~", "approx": "≈", "pm": "±", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
}
_LATEX_SYMBOL = re.compile(r"\\(" + "|".join(sorted(_SYMBOLS, key=len, reverse=True)) + r")(?![A-Za-z])")
_HTML_REFERENCE = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_LAYOUT_SPACE = re.compile(r"[ \t]*\n[ \t]*|[ \t]{2,}|\t")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_DOUBLE_HYPHEN = re.compile(r"(?<=\w)--(?=\w)")
_INLINE_MATH = re.compile(r"\$([^$\s]{1,24})\$")
_RELATION = re.compile(r"[=<>\u2264\u2265\u2208\u2248]")  # "$SM=nC$", "$S\leq n$": a formula, no name
_MATH_FONT = re.compile(r"\\(?:mathrm|mathbf|mathit|mathsf|mathtt|text|textrm|rm)\{([^{}]*)\}")
_SUBSCRIPT = re.compile(r"_\{?([A-Za-z0-9]+)\}?")


def _inline_math(m: re.Match) -> str:
    """Inline math as plain text ("$^3$" -> "^3", "$\\mathrm{H_2O}$" -> "H2O"); a
    formula, nothing ("$SM=nC$" names no streaming multiprocessor)."""
    if _RELATION.search(m[1]):
        return ""
    return _SUBSCRIPT.sub(r"\1", _MATH_FONT.sub(r"\1", m[1]))


_LATEX_ESCAPE = re.compile(r"\\([_&%#])")
_LATEX_STYLE = re.compile(r"\\(?:textbf|textit|texttt|textsc|textrm|textsf|emph)\{([^{}]{0,200})\}")
_LATEX_STYLE_OPEN = re.compile(r"\\(?:textbf|textit|texttt|textsc|textrm|textsf|emph)\{")  # left unclosed


def _word_before(text: str, at: int):
    """(the word just before ``at`` on its line, where it starts, whether it
    opens a sentence), or None. Read backwards: an end-anchored search
    would try every start in the window."""
    low = max(0, at - 40)
    window = text[max(0, low - 1) : at][::-1]
    m = _PREV_TOKEN_REVERSED.match(window)
    if m is None or at - m.end(1) < low:
        return None
    start = at - m.end(1)
    return m.group(1)[::-1], start, _SENTENCE_START.search(text, max(0, start - 3), start) is not None


def _introduces(abstract: str, name: str) -> bool:
    """Whether the abstract introduces ``name`` ("We introduce Monarch Mixer")."""
    lower, key = abstract.lower(), name.lower()
    at = lower.find(key)
    while at >= 0:
        end = at + len(key)
        if (end == len(lower) or not (lower[end].isalnum() or lower[end] == "_")) and \
                _PROPOSED_BEFORE.search(abstract, max(0, at - 80), at):
            return True
        at = lower.find(key, at + 1)
    return False


def _in_a_range(text: str, start: int, end: int) -> bool:
    """Whether a letter-number label ("T5") ends or opens a range of labels of
    its letter ("T1-T5", "T5–T9"): items numbered in the text, not a name."""
    letter = text[start]
    before = _RANGE_BEFORE.search(text, max(0, start - 8), start)
    after = _RANGE_AFTER.match(text, end)
    return bool(before and before[1] == letter or after and after[1] == letter)


def _participle_of(surface: str, concept: Concept) -> bool:
    """Whether a matched surface is a participle of the technique ("tiled" for tiling,
    "load-balanced" for load balancing)."""
    return surface[-2:].lower() == "ed" and fold_separators(surface.lower()) in {
        fold_separators(v.lower()) for label in (concept.label, *concept.alt_labels) for v in verb_forms(label)}


def _opens_the_title(text: str, at: int, title_end: int) -> bool:
    """Whether ``at`` starts the title or its part after the name ("Zorb: Scaling ...")."""
    return at == 0 or at < title_end and text[:at].rstrip().endswith(":") and ":" not in text[: at - 2]


def _able(word: str) -> bool:
    """An "-able" adjective ("scalable", "reliable"): it praises, it does not name."""
    return word.endswith(("able", "ible"))


def _before_preposition(phrase: str) -> str:
    """The words of a name before its first preposition: "Partnership" of
    "Partnership on AI", "University" of "University of Toronto"."""
    words = phrase.split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _PREPOSITIONS), len(words))
    return " ".join(words[:cut])


def _without_trailing_pp(phrase: str) -> str:
    """A description without a short prepositional phrase at its end:
    "a convolution paradigm on GPU" → "a convolution paradigm"."""
    words = phrase.rstrip(" ,").split()
    for i in range(len(words) - 1, max(len(words) - 5, 0), -1):
        if words[i].lower() in _PREPOSITIONS:
            return " ".join(words[:i])
    return phrase


def _without_size(name: str) -> str:
    """A model name without its parameter count: "GLM-4-9B" → "GLM-4"."""
    return _SIZE_SUFFIX.sub("", name)


def _enumerations(text: str, spans):
    """Lists of single-token names: "A, B, and C", "A, B or C" (at least three),
    without the items that are part of a longer label ("Code Llama", "Gemma 2");
    with where each list starts."""
    for m in _LIST.finditer(text):
        items, at = [], m.start()
        for item in _LIST_SPLIT.split(m.group(0)):
            if item:
                at = text.index(item, at)
                if not (spans.contains(at - 1, at + len(item)) or spans.contains(at, at + len(item) + 1)
                        or at == m.start() and (item[0].islower() or _SIZE_WORD.search(" " + item))
                        and text[at - 1 : at] == " " and spans.ends_at(at - 1, at)):
                    items.append(item)  # not the end of a known name before the list: "Whisper large-v3, SAM", "GPT-2 XL"
                at += len(item)
        if len(items) >= 3:
            yield items, m.start()


def _generic_class(long_form: str, short_form: str, type_: str) -> bool:
    """Whether an acronym's long form names a class of things rather than one
    thing: "on-device language models (ODLMs)", "Feed-Forward Networks
    (FFNs)", "domain-specific language (DSL)", "virtual machine (VM)".
    Technique and hardware classes are entities (the guide's "pipeline
    parallelism", "edge device"); classes of models, software and datasets
    are not."""
    if type_ in ("Technique", "Hardware", "Organization"):
        return False
    if short_form[1:] != short_form[1:].upper() and not _PLURAL_END.search(long_form):
        return False  # a coined short form of one thing is a name: "decoding dependency graph visualizer (DDGviz)"
    plural_sf = _plural_acronym(short_form)
    if plural_sf or long_form == long_form.lower():
        return True
    return type_ == "Model" and not _MODEL_WORDS.search(long_form)


def _long_form(sf: str, candidate: str) -> int | None:
    """Schwartz & Hearst: match the short form's characters right to left in
    the candidate text before it, the first one at a word start. Return the
    offset in ``candidate`` where the long form starts, or None."""
    s, i = len(sf) - 1, len(candidate) - 1
    low = candidate.lower()
    while s >= 0:
        c = sf[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (low[i] != c or (s == 0 and i > 0 and low[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    return max(low.rfind(" ", 0, i + 1), low.rfind("\n", 0, i + 1)) + 1


def extract_corpus(papers, vocabulary: Vocabulary | None = None) -> tuple[dict[str, dict[str, Mention]], dict[str, Concept]]:
    """Extract every paper; settle one type and one label per entity.

    Returns the mentions per paper id and every concept (the vocabularies'
    and those discovered) by folded label.
    """
    extractor = Extractor(vocabulary)
    per_paper, vetoed = {}, {}
    for p in papers:
        per_paper[p.id], vetoed[p.id] = extractor.extract_paper(p.title, p.abstract)
    return settle(papers, per_paper, vetoed, extractor.vocab)


def settle(papers, per_paper: dict[str, dict[str, Mention]], vetoed: dict[str, set[str]], vocab: Vocabulary, *,
           jobs: int = 1):
    """The corpus-wide passes over per-paper results (``Extractor.extract_paper``;
    ``vetoed``: the short forms each paper defines as non-entities, by paper id):
    short forms some paper vetoed are dropped but where a paper introduces
    them, spellings of one name merged,
    one type and label settled per discovered entity, and discovered names
    found in every paper (by ``jobs`` processes). Changes ``per_paper`` in
    place; returns it with every concept by folded label."""
    from .parallel import in_parts

    extractor = Extractor(vocab)
    anywhere = set().union(*vetoed.values())  # "mean absolute error (MAE)" in one paper: MAE is no name
    for mentions in per_paper.values():  # but in a paper that introduces it, it is that paper's name
        for key in [k for k, m in mentions.items() if k in anywhere and k not in vocab.concepts and not m.introduced]:
            del mentions[key]

    # "Lean Attention" and "LeanAttention" are one name
    glued: dict[str, str] = {}
    for pid in sorted(per_paper):
        for key in sorted(per_paper[pid]):
            if key not in vocab.concepts:
                glued.setdefault(key.replace(" ", ""), key)
    for mentions in per_paper.values():
        for key in [k for k in mentions if k not in vocab.concepts]:
            canonical = glued[key.replace(" ", "")]
            if canonical != key:
                m = mentions.pop(key)
                kept = mentions.setdefault(canonical, m)
                if kept is not m:
                    kept.surfaces |= m.surfaces
                    kept.introduced |= m.introduced
                else:
                    m.key = canonical
    # a name spelled out in one paper ("progressive volume distillation") is the
    # acronym another paper defines with it (PVD)
    # (a dataset is no method of the same letters: "the GQA and MileBench datasets" is not
    # grouped-query attention)
    spelled: dict[str, tuple[str, str, bool]] = {}
    for pid in sorted(per_paper):
        for key, m in sorted(per_paper[pid].items()):
            for alt in sorted(m.alt_labels):
                spelled.setdefault(fold(alt), (key, m.label, m.type == "Dataset"))
    for mentions in per_paper.values():
        for key in [k for k, m in mentions.items() if k not in vocab.concepts and spelled.get(k, (k,))[0] != k
                    and spelled[k][2] == (m.type == "Dataset")]:
            m = mentions.pop(key)
            m.alt_labels.add(m.label)
            m.key, m.label = spelled[key][:2]
            kept = mentions.setdefault(m.key, m)
            if kept is not m:
                kept.surfaces |= m.surfaces
                kept.introduced |= m.introduced
    # one type per discovered entity: strongest evidence, then most papers, then type order
    votes: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    alts: dict[str, set] = defaultdict(set)
    for mentions in per_paper.values():
        for key, m in mentions.items():
            if key in vocab.concepts:
                continue
            votes[key][m.type] += 10 * m.evidence + 1
            labels[key][m.label] += 1
            alts[key].update(m.alt_labels)
    entities: dict[str, Concept] = {}
    order = {t: i for i, t in enumerate(("Model", "Software", "Technique", "Dataset", "Hardware", "Organization"))}
    for key in sorted(votes):
        type_ = min(votes[key].items(), key=lambda kv: (-kv[1], order[kv[0]]))[0]
        label = min(labels[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        entities[key] = Concept(label, type_, tuple(sorted(alts[key])), broader=_broader_by_head(label, type_, vocab),
                                from_vocabulary=False)

    # Names discovered in one paper are mentions wherever else they are written.
    if entities:
        # (not by a name the vocabulary gives something else: a paper's own DSP is no DSP elsewhere;
        # nor by a spelled-out form of two words, which elsewhere is a phrase: "parallel drafts";
        # nor by two letters, which elsewhere mean something else: "MF"; nor a phrase of ordinary
        # words, a term only where its own paper gives it: "loss scaling" was right in half the
        # papers it spread to)
        by_label: dict[str, Concept] = {}
        key_of: dict[str, str] = {}  # the entity's key, which a merged spelling's label may not fold to
        forms_of: dict[str, tuple[str, ...]] = {}
        for key, c in entities.items():
            forms = [f for i, f in enumerate((c.label, *(a for a in c.alt_labels if vocab.lookup(a) is None and len(a.split()) != 2)))
                     if len(f) > 2 and (i or vocab.lookup(f) is None)]
            if forms and forms[0] not in by_label and not c.label.islower():
                by_label[forms[0]] = c
                key_of[forms[0]] = key
                forms_of[forms[0]] = tuple(forms[1:])
        matchers = compile_matchers(
            Concept(label, c.type, forms_of[label], from_vocabulary=False) for label, c in by_label.items()
        )
        # the discovered names that some longer vocabulary label contains ("RTX 6000" in "RTX 6000
        # Ada"): only where these are found is the text around them matched against the vocabulary
        compounds = "\n".join(label for c in vocab.concepts.values() for label in (c.label, *c.alt_labels, *c.hidden_labels)
                              if " " in label or "-" in label)
        embedded = {c.label for _, _, c, _ in extractor.match_vocabulary(compounds, matchers)}

        def found_in(part):
            out = []
            for p in part:
                text = paper_text(p.title, p.abstract)
                # not inside a hyphenated word ("Layer-Parallel Speculative Decoding" is no
                # "parallel speculative decoding"), nor a capitalised name written as lower-case
                # prose ("deep in the stack" is no The Stack), nor a name that is an ordinary
                # word where it reads as the word (_read_as_a_word), nor a name the head
                # noun after it gives another type ("the PIE dataset" is no PIE technique)
                hits = [(s, e, c.label, surface) for s, e, c, surface in extractor.match_vocabulary(text, matchers)
                        if text[s - 1 : s] != "-" and not (surface.islower() and not c.label.islower())
                        and not _read_as_a_word(text, s, e, c.label)
                        and extractor.head_noun_after(text, e) in (None, c.type)]
                # nor part of a longer label the vocabulary knows ("RTX 6000" of "RTX 6000 Ada")
                out.append([(label, surface) for s, e, label, surface in hits
                            if label not in embedded or not _inside_a_label(extractor, text, s, e)])
            return out

        for p, found in zip(papers, in_parts(found_in, papers, jobs)):
            mentions, own_vetoes = per_paper[p.id], vetoed.get(p.id, ())
            for label, surface in found:
                concept, key = by_label[label], key_of[label]
                if key in own_vetoes:
                    continue  # this paper defines the short form as something generic
                m = mentions.get(key)
                if m is None:
                    mentions[key] = Mention(key, concept.label, concept.type, {surface}, evidence=_PATTERN)
                else:
                    m.surfaces.add(surface)
    for mentions in per_paper.values():
        for key, m in mentions.items():
            c = vocab.concepts.get(key) or entities[key]
            m.label, m.type = c.label, c.type
    return per_paper, {**vocab.concepts, **entities}
