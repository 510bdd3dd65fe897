"""Word patterns the request model reads with: how people ask, offer, and name open sets."""

from __future__ import annotations

import re

from intro_lint.analyse.screen import Screened


def rx(*parts: str) -> Screened:
    return Screened(re.compile("|".join(parts), re.IGNORECASE))


WANT_VERBS = {"like", "love", "want", "need", "hope", "wonder", "appreciate", "be", "welcome"}

# --- asking ---------------------------------------------------------------------------------
WANT = rx(
    r"\b(?:i|we)(?:'d|’d| would) (?:really |so |also |just |truly )?"
    r"(?:love|like|appreciate|welcome|value|be grateful)\b",
    r"(?:^|[,.!;:]\s*|\b(?:and|but|so) )(?:i )?(?:would|'d) (?:really |so |also )?"
    r"(?:love|appreciate)\b",
    r"\bi (?:was|am) wondering\b",
    r"\bi wanted to (?:see|ask|check)\b",
    r"\bwould (?:really )?appreciate\b",
    r"\bi(?:'m| am) hoping (?:you|to|that you)\b",
    r"\bwould be (?:so |really |very )?grateful\b",
    r"\bi(?:'d| would) be glad to (?:talk|do the|chat|jump|hear)\b",
    r"\bhope you (?:can|could|might|will)\b",
    r"^\W*(?:it )?would be (?:great|good|lovely|nice|awesome|amazing) to "
    r"(?:chat|talk|meet|connect|catch up|hear)\b",
)
NOT_A_WANT = rx(
    r"^\S+(?:\s\S+){0,4}? to (?:thank|say|apologi[sz]e|introduce myself|let you know|change that|"
    r"congratulate|share (?:my|some|a bit|an update))\b",
    r"^\S+(?:\s\S+){0,3}? (?:to )?(?:hear|know|learn) (?:what|how) you(?:'ve| have|'re| are)",
)
ONLY_INTEREST = rx(
    r"\b(?:love|like) to (?:hear|know|learn) (?:what|how) you(?:'ve| have| are|'re)\b"
    r"(?!.*\b(?:and|also) (?:talk|ask|get|pick)\b)",
    r"\bhear how you(?:'ve| have) been\b(?!.*\b(?:and|also) (?:talk|ask|get|pick)\b)",
)
CONDITIONAL_ASK = rx(
    r"\bif (?:you|your (?:company|team|firm|group)|any(?:one|body)|some(?:one|body))\b[^.?!]*\b"
    r"(?:please )?(?:let me know|send (?:it|them|anything) my way|ping me|give me a (?:shout|call)|"
    r"think of me)\b",
    r"\b(?:let me know|give me a (?:shout|ping|call)|ping me|drop me a (?:line|note)|"
    r"send (?:it|them|anything) my way|think of me)\b.*\bif you "
    r"(?:hear|know|come across|see|think of|run into|spot)\b",
    r"\b(?:got|have|had) a (?:quick |small )?question for you\b",
    r"\bif you (?:hear|know|come across|see|think of|have|could|can|get|run into|spot)\b.*\b"
    r"(?:appreciate|let me know|grateful|please|shout|welcome|keep me|mean|send|pass|think of me|"
    r"my way|ping)\b",
    r"\bi(?:'ll| will) take anything\b",
)
WOULD_HELP = rx(
    r"\b(?:any|some) (?:[\w-]+ ){0,10}(?:would|will) (?:really |also |be )?"
    r"(?:help|be (?:a )?(?:huge |great |big )?help|appreciated|be great|be welcome|mean)",
    r"^\W*(?:it )?would (?:really )?(?:help|mean (?:a lot|the world|so much))",
)
NEED_YOU = rx(
    r"\bkeep an ear out\b",
    r"\bkeep (?:me|us) in mind\b",
    r"\bkeep (?:your|an) eyes? (?:open|peeled|out)\b",
    r"\b(?:so )?you(?: two| both)? should (?:definitely |really |probably )?"
    r"(?:chat|talk|meet|connect|get together|grab)\b",
    r"\bi need you to\b",
    r"\bi need (?:an? )?(?:intro|introduction|referral|favou?r) (?:to|from|with)\b",
    r"^\W*need an? (?:intro|introduction)\b",
)
ASKING_Q = rx(
    r"\b(?:do|does) you (?:know|have|think|happen|mind)\b",
    r"\bare you (?:open|free|available|the right person|able|willing|up for|around|interested)\b",
    r"\bis there (?:any|some)(?:one|body|thing)?\b",
    r"\bany chance\b",
    r"\bis it possible\b",
    r"^\W*(?:is|are|does|do) any(?:one|body)\b",
    r"\b(?:is|are) [\w ]{1,30} hiring\b[^.!]*\?",
    r"^\W*(?:would you |do you )?mind\b",
    r"^\W*(?:so,?\s*)?when(?:'s| is| would| might| could| are| works)\b",
    r"\bwhat(?:'s| is) your (?:number|availability|email)\b",
    r"^\W*(?:which|who|where) (?:\w+ ){0,4}(?:would|should|could|do|might|can) (?:you|i|we)\b",
)
WELLBEING_Q = rx(
    r"^\W*(?:and )?how(?:'s| is| are| have| did| was|’s)\b(?!.*\b(?:could|would|can) you\b)",
    r"^\W*(?:are|is) (?:you|the team|your team|things) still\b",
    r"^\W*did you (?:ever|end up)\b",
    r"\bright\?\s*$",
)
COURTESY = rx(
    r"\blet me know if (?:anything|something|any of (?:this|that|it|these)) "
    r"(?:in|about|here|is|looks|seems|reads)\b",
    r"\bif (?:it(?:'s| is)|now(?:'s| is)|the timing) (?:not|a bad|bad)\b.*\b"
    r"(?:no worries|no problem|totally fine|understand)\b",
    r"\blet me know (?:if|whether) you(?:'d| would) (?:rather|prefer)\b",
)
OFFER_SENTENCE = rx(
    r"^\W*(?:is there )?anything else (?:i|we) can\b",
    r"\bif there(?:'s| is) anything (?:i|we) can\b",
)
PLEASE_FIND = rx(r"\bplease find (?:attached|enclosed)\b")

ASK_KINDS = (
    (
        "reference",
        rx(
            r"\breferences?\b(?! for (?:your|the) (?:team|company))",
            r"\bphone number\b",
            r"\bvouch\b",
        ),
    ),
    (
        "referral",
        rx(
            r"\brefer me\b",
            r"\breferral\b(?! (?:in|for) )",
            r"\bput in a (?:good )?word\b",
            r"\brecommend me\b",
            r"\bpass(?:ing)? my (?:cv|resume|résumé|portfolio|profile) (?:on |along )?to\b",
            r"\bsubmit(?:ted|ting)? (?:it|the referral|a referral|my)\b",
            r"\bput me forward\b",
        ),
    ),
    (
        "intro",
        rx(
            r"\bintroduc\w*",
            r"\bintros?\b",
            r"\bconnect (?:me|us)\b",
            r"\bput (?:me|us) in (?:touch|contact)\b",
            r"\bforward (?:this|it|my|the note)\b",
            r"\bpass (?:this|it) (?:on|along)\b",
            r"\bget me an? (?:agent|meeting|intro)\b",
            r"\bsend (?:any )?referrals\b",
            r"\breferrals? (?:in|for) .* (?:my|our) way\b",
            r"\bshar(?:e|ing) my (?:profile|cv|resume|portfolio|details) with\b",
            r"\b(?:know|knows) any(?:one|body) (?:at|in|who|that)\b",
            r"\bany(?:one|body) (?:who|that) (?:needs?|might|may)\b",
            r"\bask (?:your|him|her) (?:[\w-]+ ){0,2}(?:whether|if)\b",
            r"\bsend (?:it|this) (?:around|along|on) to\b",
            r"\bpass (?:my name|my details|this|it) (?:around|along|on)\b",
            r"\bget me in front of\b",
            r"\bmeet (?:with )?[A-Z]\w+\b",
        ),
    ),
    (
        "leads",
        rx(
            r"\b(?:is|are|be|'s|'re|you) hiring\b",
            r"\bhiring for\b",
            r"\bopenings\b",
            r"\bvacanc\w+",
            r"\bleads\b",
            r"\banything (?:you have|open)\b",
            r"\bhear (?:of|about) (?:anything|something)\b",
            r"\bkeep an ear out\b",
            r"\bkeep me in mind\b",
            r"\bmy way\b",
            r"\b(?-i:[A-Z])\w+ hiring\b",
            r"\bhiring (?:at all|right now)\b",
            r"\banything comes up\b",
            r"\bteams? that might need\b",
            r"\bopens anything\b",
            r"\bopportunit\w+\b",
        ),
    ),
    (
        "review",
        rx(
            r"\bread\b",
            r"\breview\b",
            r"\blook (?:at|over)\b",
            r"\bgo through\b",
            r"\bcomments\b",
            r"\bfeedback\b",
            r"\bnotes on\b",
        ),
    ),
    (
        "meeting",
        rx(
            r"\bcall\b",
            r"\bcoffee\b",
            r"\bchat\b",
            r"\btalk\b",
            r"\bmeet\b",
            r"\bminutes\b",
            r"\bcatch up\b",
            r"\bconnect\b",
        ),
    ),
    (
        "info",
        rx(
            r"\badvice\b",
            r"\bpointers\b",
            r"\btake on\b",
            r"\bthoughts\b",
            r"\bideas\b",
            r"\bsuggest\b",
            r"\bquestions?\b",
            r"^\W*(?:which|what|who)\b",
        ),
    ),
)

# --- how open-ended an ask is ----------------------------------------------------------------
OPEN_HARD = rx(
    r"(?<!for )\b(?:any(?:one|body)|some(?:one|body)|some people|whoever|whatever|whichever)\b"
    r"(?! else i can| like me| with my)",
    r"\bother (?:labs|companies|firms|places|people|teams|schools|options)\b",
    r"\b(?:hear|heard|know) (?:of|about) (?:anything|something)\b",
    r"\b(?:come across|opens?) (?:anything|something)\b",
    r"\banything (?:you have|open|at all|really|that comes up|comes up)\b",
    r"\bsomething comes up\b",
    r"\bany (?:open |suitable )?(?:position|role|job|opening|vacancy)\b",
    r"\bsee who\b",
    r"\bwho you (?:can|could|might) (?:get|put|introduce)\b",
    r"\b(?:something|anything),? anything\b",
    r"\bany (?:suitable )?(?:leads|openings|roles|jobs|positions|opportunities|introductions|"
    r"contacts|referrals|investors|vacanc\w+|teams|companies|firms|labs|consultancies|intros|"
    r"connections)\b",
    r"\b(?:the |your |all the |all )?openings\b",
    r"\b(?:the|your) (?:roles|positions|opportunities)\b",
    r"\ba question\b",
    r"\bsome advice\b",
    r"\bwhat(?:'s| is) out there\b",
    r"\bkeep an ear out\b",
    r"\bkeep me in mind\b",
    r"\bways to work together\b",
    r"\bexplore (?:ways|opportunities|synergies|how we)\b",
    r"\bwhat companies\b",
    r"\byou two should\b",
    r"\bsimilar things\b",
    r"\banything you think\b",
    r"\bwhich teams\b",
    r"\bwhat you think i(?:'d| would) be (?:a )?(?:good )?fit for\b",
)
OPEN_SOFT = rx(
    r"\bany (?:ideas|advice|help|pointers|tips|suggestions|thoughts|insights?)\b",
    r"\b(?:your|her|his) (?:take|thoughts|views?|perspective|input|insights?) on "
    r"(?:the field|things|it all|everything|the industry|my career)\b",
    r"\blearn more about (?:you|your)\b",
    r"\bconnect and learn\b",
    r"\bsometime\b",
    r"\bwhenever you(?:'re| are)? ?(?:free|have)\b",
    r"\bwhere things are heading\b",
    r"\bcareer (?:advice|journey)\b",
)
BRAIN_PICK = rx(
    r"\bpick (?:your|her|his|their) brains?\b",
    r"\bget your thoughts\b",
    r"\bbrainstorm\b",
    r"\bany advice\b",
    r"\bbounce (?:some |a few )?(?:ideas|things) off\b",
    r"\bwhat you(?:'re| are) seeing\b",
    r"\ball of it\b",
    r"\bmaybe (?:you'll|you will) just\b",
    r"\bany pointers\b",
)
TIMEBOX = rx(
    r"\b(?:\d+|five|ten|fifteen|twenty|thirty|forty)[- ]?(?:min(?:ute)?s?)\b",
    r"\b(?:short|quick|brief) (?:call|chat|phone call)\b",
    r"\bthis week\b",
    r"\bnext (?:week|few weeks|two weeks|couple of weeks|fortnight|month)\b",
    r"\bbriefly\b",
    r"\b(?:\w+ )?questions?:\s*$",
    r"\bthree questions\b",
)
CATCH_UP = rx(r"\bcatch up\b", r"\breconnect\b", r"\bhear how you(?:'ve| have) been\b")
