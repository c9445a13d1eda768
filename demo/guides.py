"""Demo content for the best-practice guides.

Builds the guides index under the home page and a dozen guides written as the
Care Quality Team would write them, using the guide body's blocks (checklist,
table, step by step, do and don't lists, details, callouts and links to the
directory). Idempotent: the index and each guide are looked up by slug and
existing pages are left alone, so `seed_demo` can run on every `make run`.

Review dates are relative to the day the guide is created: two guides are
overdue for review, one is due within a month and the rest are due in 6 to 11
months. Links to the directory are made only to entries that exist and are
live, so this module can run before or after the directory's demo content.
"""

import dataclasses
import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from directory.choices import COMMON_TOPICS
from directory.models import DirectoryEntryPage
from discovery.models import HomePage
from guides.models import GuideIndexPage, GuidePage
from portal.choices import HOME_TYPE_FIELDS, HomeType

RES, NUR, EMI = HomeType.RESIDENTIAL, HomeType.NURSING, HomeType.EMI
ALL_HOMES = (RES, NUR, EMI)

# Guides are checked once a year; the demo's last review dates follow from that.
REVIEW_CYCLE = datetime.timedelta(days=365)


# Block builders: each returns one item of a guide body in StreamField's raw form.


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(*paragraphs, bullets=(), numbered=()):
    """Paragraphs of plain text, optionally followed by a bulleted or numbered list."""
    html = "".join(f"<p>{text}</p>" for text in paragraphs)
    if bullets:
        html += "<ul>" + "".join(f"<li>{item}</li>" for item in bullets) + "</ul>"
    if numbered:
        html += "<ol>" + "".join(f"<li>{item}</li>" for item in numbered) + "</ol>"
    return {"type": "paragraph", "value": html}


def bullet_list(*items):
    return paragraph(bullets=items)


def inset_text(*paragraphs):
    return {
        "type": "inset_text",
        "value": {"body": "".join(f"<p>{text}</p>" for text in paragraphs)},
    }


def warning_callout(title, *paragraphs, level=3):
    return {
        "type": "warning_callout",
        "value": {
            "title": title,
            "heading_level": level,
            "body": "".join(f"<p>{text}</p>" for text in paragraphs),
        },
    }


def details(title, *paragraphs):
    """An expander: the title shows, the text opens when it is clicked."""
    return {
        "type": "details",
        "value": {
            "title": title,
            "body": [
                {"type": "richtext", "value": f"<p>{text}</p>"} for text in paragraphs
            ],
        },
    }


def do_list(*items, level=3):
    return {
        "type": "do_list",
        "value": {"heading_level": level, "label": "", "do": list(items)},
    }


def dont_list(*items, level=3):
    return {
        "type": "dont_list",
        "value": {"heading_level": level, "label": "", "dont": list(items)},
    }


def step_by_step(title, *steps):
    """Steps are (title, rich text) pairs."""
    return {
        "type": "step_by_step",
        "value": {
            "heading": title,
            "steps": [{"title": step, "text": text} for step, text in steps],
        },
    }


def checklist(title, intro, *items):
    return {
        "type": "checklist",
        "value": {"title": title, "intro": f"<p>{intro}</p>", "items": list(items)},
    }


def table(caption, header, *rows, first_col_is_header=True):
    return {
        "type": "table",
        "value": {
            "caption": caption,
            "table": {
                "data": [list(header), *(list(row) for row in rows)],
                "first_row_is_table_header": True,
                "first_col_is_header": first_col_is_header,
                "table_caption": "",
            },
        },
    }


@dataclasses.dataclass(frozen=True)
class EntryActionLink:
    """An action link to a directory entry, or to a fallback address without one.

    Resolved when the guide is created, since entries are pages in the database.
    """

    text: str
    entry_slug: str
    fallback_url: str

    def as_block(self):
        entry = live_entries([self.entry_slug])
        return {
            "type": "action_link",
            "value": {
                "text": self.text,
                "external_url": "" if entry else self.fallback_url,
                "new_window": False,
                "internal_page": entry[0].pk if entry else None,
            },
        }


INDEX_PAGE = {
    "title": "Best-practice guides",
    "slug": "guides",
    "intro": (
        "<p>Practical guidance from the Care Quality Team for everyone who works "
        "in older people's care homes. Each guide says which types of home it "
        "applies to and when we last checked it.</p>"
    ),
    "search_description": (
        "Best-practice guides for older people's care homes in the city: CQC "
        "inspections, dementia care, medicines, safeguarding, staff wellbeing "
        "and more."
    ),
}

# Each guide: its page fields, the topics it is tagged with (from the directory's
# common topics), the home types it applies to, its owner's username, when its
# review is due (days from today; negative is overdue), its body, and the
# directory entries listed at the end as related training and resources.
GUIDES = [
    {
        "slug": "cqc-pre-inspection-checklist",
        "title": "CQC inspection: a pre-inspection checklist",
        "summary": (
            "Check your home against what inspectors look for under CQC's five key "
            "questions, and find small, fixable gaps before they do."
        ),
        "topics": ["Leadership", "Care planning"],
        "homes": ALL_HOMES,
        "owner": "editor",
        "review_due_in_days": 300,
        "body": [
            paragraph(
                "The Care Quality Commission (CQC) can inspect your home at any "
                "time, and for care homes it usually arrives without warning. The "
                "best preparation is not a last-minute tidy-up. It is knowing that "
                "what you say you do is what happens every day, and that your "
                "records show it.",
                "Inspectors ask five questions about every service. Is it safe? Is "
                "it effective? Is it caring? Is it responsive to people's needs? Is "
                "it well-led? This checklist follows those five questions. It draws "
                "on national good practice, including NICE guidance for care homes, "
                "and on the gaps the Care Quality Team most often finds when we "
                "visit homes in the city.",
            ),
            inset_text(
                "Many homes in the city are rated Requires Improvement because of "
                "small things that are easy to put right: an out-of-date risk "
                "assessment, a gap on a medicines chart, an audit with no action "
                "taken. Working through this list every few months, not only when "
                "you expect an inspection, is the easiest way to find them first."
            ),
            heading("How to use the checklist"),
            paragraph(
                "Go through it with your deputy or a senior carer, one section at a "
                "time. Do not just ask whether something exists: pick three "
                "residents at random and look at their records, talk to a member of "
                "the night staff, and sit in the lounge at lunchtime. That is what "
                "an inspector will do.",
                "Your ticks are saved on this device only, so you can come back to "
                "the list over a few days. Print it to share the results at your "
                "next team meeting.",
            ),
            checklist(
                "Pre-inspection checklist",
                "Items are grouped by CQC's five key questions. Tick each one when "
                "you have checked it, not when you think it is probably fine.",
                "Safe: three residents' risk assessments (falls, skin, nutrition, "
                "choking) were reviewed in the last month and match their care plans.",
                "Safe: medicines charts have no unexplained gaps, every 'when "
                "required' medicine has a protocol, and the last medicines audit's "
                "actions are done.",
                "Safe: staff files hold a DBS check, two references, a full work "
                "history with any gaps explained, and proof of the right to work.",
                "Safe: day and night staffing is worked out with a dependency tool, "
                "and the rota for the last four weeks matches it.",
                "Safe: accidents, incidents and safeguarding concerns are logged, and "
                "you can show what was learned and what changed.",
                "Safe: the fire risk assessment is in date and every resident has a "
                "personal emergency evacuation plan (PEEP).",
                "Safe: the home is clean and fresh, and cleaning schedules and "
                "infection prevention audits are up to date.",
                "Effective: mental capacity assessments are made for specific "
                "decisions, and DoLS applications and authorisations are tracked "
                "with their expiry dates.",
                "Effective: the training matrix is up to date and shows who is "
                "overdue and when they are booked.",
                "Effective: weights, MUST scores and food and fluid charts are "
                "recorded, and someone acts when they change.",
                "Caring: care plans describe the person, not just the tasks, and "
                "include a life story or 'This is me' pen portrait.",
                "Caring: you have watched a mealtime for 30 minutes, and people were "
                "offered choices, helped with dignity and spoken to while they were "
                "helped.",
                "Responsive: activities reflect what residents enjoy, including "
                "people who stay in their rooms or in bed.",
                "Responsive: residents and families know how to complain, and the "
                "complaints log shows each reply and what changed.",
                "Responsive: each resident's wishes for the end of their life, and "
                "any ReSPECT form, are recorded and easy to find.",
                "Well-led: every audit has an action plan with names and dates, and "
                "you can show the actions were done.",
                "Well-led: CQC has been notified of every event that needs it, such "
                "as deaths, serious injuries, allegations of abuse and DoLS outcomes.",
                "Well-led: supervisions and team meetings happen as planned, and the "
                "notes show staff views being heard.",
                "Well-led: your current CQC rating is on display in the home and on "
                "your website.",
            ),
            heading("If you find a gap"),
            paragraph(
                "Write it down, with a name and a date to put it right, and keep the "
                "note. Inspectors are far more reassured by a home that found a "
                "problem and fixed it than by one that says everything is perfect.",
                "If the list turns up more than you can handle, ask the Care Quality "
                "Team for help. That is what we are here for, and asking does not "
                "count against you.",
            ),
            warning_callout(
                "Never change records after the event",
                "Do not fill in missing entries, backdate signatures or rewrite care "
                "plans to look better for an inspection. Altering records is "
                "dishonest, can hide real harm to residents and can lead to "
                "dismissal and enforcement action. If a record is missing, add a "
                "dated note saying so and what you have done about it.",
            ),
            heading("On the day"),
            bullet_list(
                "Ask to see the inspector's identification, then tell the person in "
                "charge and the registered manager straight away.",
                "Let staff answer questions in their own words. Do not coach them or "
                "stand over them.",
                "Be open about what you know needs to improve, and show your action "
                "plan.",
            ),
        ],
        "related": [
            "pre-inspection-checklist",
            "preparing-for-your-cqc-inspection",
            "care-quality-team-support",
        ],
    },
    {
        "slug": "residential-nursing-and-emi-care-explained",
        "title": "Residential, nursing and EMI care: what the words mean",
        "summary": (
            "Plain definitions of the three types of care home, how they differ "
            "and what happens when a resident's needs change."
        ),
        "topics": ["Care planning", "Dementia care"],
        "homes": ALL_HOMES,
        "owner": "moderator",
        "review_due_in_days": 240,
        "body": [
            paragraph(
                "Families, hospital staff and even people who work in care use these "
                "words in different ways. This guide explains what each one means in "
                "the city, so that everyone is talking about the same thing when a "
                "person is choosing a home or moving between homes."
            ),
            heading("Residential care"),
            paragraph(
                "A residential home (CQC calls it a 'care home service without "
                "nursing') provides a room, meals and personal care: help with "
                "washing, dressing, eating, going to the toilet and taking "
                "medicines. Staff are there day and night, but there is no nurse on "
                "site.",
                "When a resident needs nursing, such as a dressing or an injection, "
                "community nurses from the NHS visit, just as they would visit the "
                "person in their own home. The resident's GP stays in charge of their "
                "health care.",
            ),
            heading("Nursing care"),
            paragraph(
                "A nursing home ('care home service with nursing') provides "
                "everything a residential home does, and has registered nurses on "
                "duty around the clock. It suits people whose health needs are "
                "complex or change quickly: for example, someone who needs regular "
                "strong pain relief, is fed through a tube, or needs a nurse to "
                "assess them several times a day.",
                "For each resident assessed as needing nursing care, the NHS pays the "
                "home a contribution towards the cost of the nurses. This is called "
                "NHS-funded nursing care.",
            ),
            heading("EMI care"),
            paragraph(
                "EMI stands for 'elderly mentally infirm'. It is an old term, and "
                "many homes now say 'dementia residential' or 'dementia nursing' "
                "instead, but it is still widely used in referrals and contracts. An "
                "EMI home, or an EMI unit within a larger home, specialises in "
                "caring for people with dementia or other mental health needs that a "
                "general home cannot safely meet.",
                "EMI care can be residential or nursing. What makes it different is "
                "the staff's training and experience, more staff for each resident, "
                "and a building designed to be safe and calm for people who may be "
                "confused, distressed or like to walk about.",
            ),
            table(
                "Residential, nursing and EMI care compared",
                ["Type of home", "Residential", "Nursing", "EMI"],
                [
                    "Who it suits",
                    "People who need help with personal care, and whose health needs "
                    "visiting NHS staff can meet",
                    "People whose health needs call for a nurse's skills day and night",
                    "People with dementia or mental health needs who need specialist "
                    "staff and surroundings",
                ],
                [
                    "Nurses on site",
                    "No: community nurses visit",
                    "Yes, 24 hours a day",
                    "Only if the home is also registered for nursing",
                ],
                [
                    "CQC registration",
                    "Care home service without nursing",
                    "Care home service with nursing",
                    "Either, with dementia or mental health as a specialism",
                ],
                [
                    "Who pays for nursing",
                    "The NHS, through community nursing",
                    "The NHS pays the home a contribution (NHS-funded nursing care)",
                    "As for residential or nursing",
                ],
                [
                    "Staff training",
                    "The Care Certificate and the home's core training",
                    "As residential, plus the nurses' clinical training",
                    "As residential or nursing, plus in-depth dementia and mental "
                    "health training",
                ],
            ),
            heading("Homes that provide more than one type of care"),
            paragraph(
                "Many homes provide more than one type of care, often on different "
                "floors or units. Check which beds are registered for what. A "
                "resident in a residential bed is not receiving nursing care just "
                "because nurses work in the building."
            ),
            heading("When a resident's needs change"),
            paragraph(
                "If a resident's needs grow beyond what the home can safely meet, "
                "talk early with the resident, their family and their social worker "
                "or NHS team. A reassessment may show that they need a different "
                "type of care. A move is a big change for anyone, and especially for "
                "someone with dementia, so first ask what extra support could let "
                "them stay.",
                "Some people whose needs are mainly about their health qualify for "
                "NHS Continuing Healthcare, which the NHS pays for in full. It is "
                "not tied to one type of home.",
            ),
            inset_text(
                "Not sure which type of care a person needs? The council's adult "
                "social care team and the hospital discharge teams can advise. Ask "
                "the Care Quality Team if you need a contact."
            ),
        ],
        "related": [
            "good-dementia-care-in-emi-homes",
            "enhanced-health-in-care-homes",
            "care-quality-team-support",
        ],
    },
    {
        "slug": "staff-rights-and-wellbeing",
        "title": "Staff rights and wellbeing: where to get support",
        "summary": (
            "Your basic rights at work in a care home, and free, confidential "
            "support when work or life gets difficult."
        ),
        "topics": ["Wellbeing", "Recruitment and retention", "Mental health"],
        "homes": ALL_HOMES,
        "owner": "editor",
        "review_due_in_days": 330,
        "body": [
            paragraph(
                "Caring for older people is skilled, rewarding and hard. Long "
                "shifts, short staffing, the death of a resident you were close to "
                "or money worries at home can all take their toll. This guide sets "
                "out your basic rights at work and where to turn for support, "
                "whatever your role."
            ),
            inset_text(
                "You do not need your manager's permission to use any of the support "
                "on this page, and using it will not be held against you."
            ),
            heading("Your rights at work"),
            paragraph(
                "Everyone working in a care home has rights set by law, whatever "
                "their contract says. Open each section to read more."
            ),
            details(
                "Pay and payslips",
                "You must be paid at least the National Minimum Wage or National "
                "Living Wage for every hour you work, including handovers and "
                "training your employer says you must do. Your payslip must show "
                "how your pay was worked out.",
                "Deductions for things like uniforms must not take your pay below "
                "the minimum wage. If you think you are being underpaid, ask Acas or "
                "your trade union for advice.",
            ),
            details(
                "Breaks, rest and working hours",
                "If you work more than six hours in a day, you are entitled to a "
                "break of at least 20 minutes away from your work. You should also "
                "get 11 hours' rest between working days, and at least one day off "
                "a week or two days a fortnight.",
                "You cannot be made to work more than 48 hours a week on average "
                "unless you have agreed in writing to opt out, and you can cancel an "
                "opt-out by giving notice.",
            ),
            details(
                "Holidays and time off",
                "Almost all workers are entitled to 5.6 weeks' paid holiday a year. "
                "For someone who works five days a week, that is 28 days, which can "
                "include bank holidays.",
                "You can take reasonable unpaid time off to deal with an emergency "
                "involving someone who depends on you, and you can ask for flexible "
                "working from your first day in a job.",
            ),
            details(
                "Sick pay",
                "If you are too ill to work, you may be entitled to Statutory Sick "
                "Pay. Check your contract too, as some employers pay more. Tell your "
                "manager as early as you can and follow your home's sickness policy.",
            ),
            details(
                "Speaking up about poor care",
                "If you see something that puts residents at risk, raise it with the "
                "person in charge or your manager. If that does not work, or they "
                "are part of the problem, you can go to the owner, the council's "
                "adult safeguarding team or CQC.",
                "The law protects workers who raise concerns about wrongdoing in the "
                "public interest. You must not be treated badly or dismissed for "
                "speaking up.",
            ),
            details(
                "Joining a trade union",
                "You have the right to join a trade union, and you must not be "
                "treated less well because you are a member. At a disciplinary or "
                "grievance meeting you can bring a union representative or a "
                "colleague with you.",
            ),
            heading("Looking after your wellbeing"),
            paragraph(
                "It is normal to feel upset after a resident dies, after a difficult "
                "shift or when something goes wrong. Talking helps. Many homes hold "
                "a short debrief after a death or a serious incident; if yours does "
                "not, ask for one.",
                "Your employer may have an employee assistance programme, which "
                "usually offers free, confidential counselling and advice on money "
                "and legal problems. Ask your manager or look in your staff handbook.",
            ),
            heading("Free, confidential support", level="h3"),
            bullet_list(
                "The care staff support line is open every day for anyone working in "
                "social care who is stressed, grieving or worried about money.",
                "Your GP can help with stress, low mood and sleep problems. You can "
                "also refer yourself to NHS Talking Therapies.",
                "Acas gives free, impartial advice on rights at work, including pay, "
                "holidays and disagreements with your employer.",
                "Your trade union, if you are a member, can advise and support you.",
            ),
            EntryActionLink(
                "Call the care staff support line",
                entry_slug="care-staff-support-line",
                fallback_url="https://www.example.org/care-staff-support-line",
            ),
            warning_callout(
                "If you are in crisis",
                "If you feel you cannot keep yourself safe, call 999 or go to A&amp;E. "
                "You can also call NHS 111 and choose the mental health option, or "
                "call Samaritans free on 116 123, day or night.",
            ),
            heading("For managers"),
            paragraph(
                "Staff who feel looked after are more likely to stay. Regular "
                "supervision, fair rotas, proper breaks and a sincere thank-you go a "
                "long way. The Registered Managers Network is a good place to share "
                "ideas, and the staff wellbeing toolkit in the directory has "
                "practical, low-cost suggestions from other homes."
            ),
        ],
        "related": [
            "care-staff-support-line",
            "staff-wellbeing-toolkit",
            "registered-managers-network",
        ],
    },
    {
        "slug": "good-dementia-care-in-each-type-of-home",
        "title": "What good dementia care looks like in each type of home",
        "summary": (
            "What you should see in every home, and what extra to expect in "
            "residential, nursing and EMI homes."
        ),
        "topics": ["Dementia care", "Dignity", "Mental health"],
        "homes": ALL_HOMES,
        "owner": "moderator",
        "review_due_in_days": 280,
        "body": [
            paragraph(
                "At least seven in ten people living in care homes have dementia, "
                "whatever kind of home they live in. Good dementia care is not only "
                "for specialist EMI homes. This guide describes what it looks like in "
                "every home, then what more you should expect in residential, "
                "nursing and EMI homes."
            ),
            heading("In every home"),
            paragraph(
                "Whatever the type of home, you should see:",
                bullets=[
                    "staff who know each person: their history, what they enjoy, "
                    "what upsets them and how they show pain or worry",
                    "care that fits the person's day, not the home's routine, such as "
                    "getting up, eating and going to bed when they choose",
                    "surroundings that help people find their way: good lighting, "
                    "signs with words and pictures, toilet seats in a contrasting "
                    "colour, and no busy patterns on floors",
                    "something to do, from everyday tasks and music to a chat or time "
                    "outdoors, not only group activities",
                    "families welcomed as partners in care",
                    "pain checked regularly, using a tool designed for people who "
                    "cannot always say they are in pain",
                ],
            ),
            inset_text(
                "Distress is usually a way of telling us something: pain, hunger, "
                "boredom, fear or needing the toilet. Look for the cause first. "
                "Medicines to calm people, especially antipsychotics, should never "
                "be the first response, and the prescriber must review them "
                "regularly."
            ),
            heading("Residential homes"),
            paragraph(
                "Residential homes often care for people in the earlier stages of "
                "dementia, and for people whose dementia develops while they live "
                "there. Good care means:",
                bullets=[
                    "spotting changes early, such as new confusion, which can be a "
                    "sign of infection, pain or delirium, and involving the GP",
                    "keeping people as independent as possible, with prompts and "
                    "encouragement rather than doing things for them",
                    "talking honestly and early with the person and their family "
                    "about what the home can offer as their needs change",
                ],
            ),
            heading("Nursing homes"),
            paragraph(
                "In nursing homes, many residents with dementia also have other "
                "serious health conditions. Good care means:",
                bullets=[
                    "nurses who lead on recognising and treating pain, infection, "
                    "delirium and swallowing difficulties",
                    "care plans that bring the person's dementia and physical health "
                    "together, rather than in separate sections nobody links up",
                    "planning ahead for the end of life with the person, while they "
                    "can still take part, and with those close to them",
                ],
            ),
            heading("EMI homes"),
            paragraph(
                "EMI homes care for people whose dementia or mental health needs are "
                "too complex for a general home. Expect everything above, and also:",
                bullets=[
                    "staff with in-depth dementia training, and enough of them to "
                    "spend time with people, not only on tasks",
                    "a plan for each person who becomes distressed, describing what "
                    "triggers it and what helps, written with those who know them best",
                    "safe space to walk indoors and outdoors, rather than locked "
                    "lounges or chairs people cannot get out of",
                    "regular observation of residents' wellbeing, for example through "
                    "dementia care mapping, used to change how care is given",
                    "close working with the mental health team, and careful use of "
                    "the Mental Capacity Act and Deprivation of Liberty Safeguards",
                ],
            ),
            heading("Quick checks for any home"),
            do_list(
                "Sit with residents at mealtimes and talk to them while you help.",
                "Offer choices two at a time, or show the real thing: two plates, two "
                "jumpers.",
                "Say what you are about to do before you do it, and wait for a "
                "response.",
            ),
            dont_list(
                "Don't argue about what is real: respond to the feeling behind what "
                "the person says.",
                "Don't talk about residents in front of them as if they were not "
                "there.",
                "Don't move furniture or change rooms around without thinking about "
                "how it will affect people.",
            ),
        ],
        "related": [
            "good-dementia-care-in-emi-homes",
            "dementia-care-mapping-basic-user",
            "supporting-people-with-dementia-who-are-distressed",
        ],
    },
    {
        "slug": "life-story-work-and-this-is-me",
        "title": "Life story work and 'This is me' pen portraits",
        "summary": (
            "How to gather a resident's life story with them, turn it into a "
            "one-page pen portrait and use it in everyday care."
        ),
        "topics": ["Dementia care", "Care planning", "Dignity"],
        "homes": ALL_HOMES,
        "owner": "editor",
        "review_due_in_days": 270,
        "body": [
            paragraph(
                "Knowing that a resident was a nurse, a bus driver or a champion "
                "ballroom dancer changes how you see them. Life story work means "
                "finding out about a person's life, in their own words where "
                "possible, and using what you learn in everyday care.",
                "It matters most for people with dementia, who may not be able to "
                "tell new staff what they need, but it helps anyone settle into a "
                "new home.",
            ),
            heading("Life story books and pen portraits"),
            paragraph(
                "A <strong>life story book</strong> is a longer record, with photos, "
                "places, people and memories, that belongs to the resident. A "
                "<strong>pen portrait</strong> is a one-page summary for staff: who I "
                "am, what matters to me and how to help me. The Alzheimer's "
                "Society's 'This is me' leaflet is a pen portrait many homes use; "
                "your home may have its own form.",
                "You need both. The book is for the resident and their visitors to "
                "enjoy together. The pen portrait is what a new carer or an agency "
                "nurse reads before helping someone for the first time.",
            ),
            step_by_step(
                "How to put together a pen portrait",
                (
                    "Explain and ask",
                    "<p>Tell the resident what you would like to do and why. Ask if "
                    "they are happy to take part and what they would rather keep "
                    "private. If they cannot decide, talk to their family or "
                    "representative and record why it is in their best interests.</p>",
                ),
                (
                    "Gather the story",
                    "<p>Spend time with the resident, a little at a time. Photos, "
                    "music, objects and visits from family often bring memories "
                    "back. Ask about:</p><ul><li>family, friends and pets</li>"
                    "<li>work, homes and places they have lived</li>"
                    "<li>faith, culture and identity, including relationships</li>"
                    "<li>food, drink and daily routines</li>"
                    "<li>what upsets them and what comforts them</li></ul>",
                ),
                (
                    "Write the pen portrait",
                    "<p>Keep it to one page, in the first person and in plain words: "
                    "'I like a cup of tea with two sugars as soon as I wake up', not "
                    "'Resident takes sweetened beverages'. Put first the things that "
                    "would make the biggest difference to someone meeting them for "
                    "the first time.</p>",
                ),
                (
                    "Check it with them",
                    "<p>Read it back to the resident and their family, and change "
                    "anything they are unhappy with. Date it and note who helped.</p>",
                ),
                (
                    "Use it every day",
                    "<p>Keep a copy in the care plan and, if the resident agrees, "
                    "somewhere staff can see it. Mention it at handover, give it to "
                    "agency staff and send it with the resident if they go into "
                    "hospital.</p>",
                ),
                (
                    "Keep it up to date",
                    "<p>Review it at each care plan review and whenever you learn "
                    "something new. People's likes and needs change.</p>",
                ),
            ),
            heading("Tips from local homes"),
            do_list(
                "Ask families to bring in a few photos, with names and dates written "
                "on the back.",
                "Record the small things that matter, such as a favourite mug or how "
                "someone likes their bed made.",
                "Use the pen portrait to plan activities and conversations, not just "
                "personal care.",
            ),
            dont_list(
                "Don't treat it as a form to fill in on the day of admission and then "
                "forget.",
                "Don't assume everyone had a happy family life. Some memories are "
                "painful: let the person lead.",
                "Don't put private details on walls or boards where visitors can read "
                "them.",
            ),
            inset_text(
                "Residents without family can still have a life story. Talk to them "
                "about what they remember, ask friends or neighbours who visit, and "
                "add what you learn about them in the home."
            ),
        ],
        "related": [
            "life-story-work-and-pen-portraits",
            "person-centred-care-planning",
            "dementia-awareness-e-learning",
        ],
    },
    {
        "slug": "communication-passports",
        "title": "Communication passports",
        "summary": (
            "A short document, written with the resident, that tells anyone "
            "meeting them how they communicate and how to communicate with them."
        ),
        "topics": ["Dementia care", "Dignity", "Care planning"],
        "homes": ALL_HOMES,
        "owner": "moderator",
        "review_due_in_days": -55,
        "body": [
            paragraph(
                "A communication passport is a short, friendly document that tells "
                "anyone meeting a resident how that person communicates and how best "
                "to communicate with them. It travels with the person: on days out, "
                "to hospital appointments and to a new home.",
                "It is especially useful for residents who cannot easily explain "
                "their needs: people with dementia, after a stroke, with sight or "
                "hearing loss, with a learning disability, or who speak little "
                "English.",
            ),
            heading("What goes in a passport"),
            paragraph(
                "Write it in the first person, as if the resident is speaking. Keep "
                "it to two or three pages, with a photo of them on the front. "
                "Include:",
                bullets=[
                    "how I communicate: speech, gestures, pictures, signs or writing",
                    "how I say yes and no",
                    "how you can tell if I am in pain, worried, happy or tired",
                    "what helps me understand you, such as short sentences, facing "
                    "me, or my hearing aid in my left ear",
                    "what upsets me, and what to do if I become distressed",
                    "the people who matter to me and what I like to talk about",
                ],
            ),
            table(
                "Writing from the resident's point of view: examples",
                ["Instead of", "Write"],
                [
                    "Hard of hearing",
                    "I hear better in my right ear. Please sit on my right and turn "
                    "the television down.",
                ],
                [
                    "Non-verbal",
                    "I don't use words now, but I squeeze your hand for yes and look "
                    "away for no.",
                ],
                [
                    "Can become agitated",
                    "If I keep pulling at my clothes, I may need the toilet or be too "
                    "hot.",
                ],
                [
                    "Likes music",
                    "I love Frank Sinatra. Singing along helps me relax when I'm "
                    "having a wash.",
                ],
                first_col_is_header=False,
            ),
            heading("Making one"),
            paragraph(
                "Put the passport together with the resident, watching how they "
                "respond as well as listening. Family, friends and speech and "
                "language therapists can add a lot. Staff who know the resident well "
                "often know small things nobody has ever written down."
            ),
            heading("Keeping it useful"),
            bullet_list(
                "Keep the passport where it can go with the resident, such as in "
                "their room or their Red Bag.",
                "Check it at every care plan review and update it whenever something "
                "changes.",
                "Ask new and agency staff to read it before their first shift with "
                "the resident.",
            ),
            inset_text(
                "Under the Accessible Information Standard, health services and "
                "publicly funded adult social care must identify, record, flag, "
                "share and meet people's communication needs. A communication "
                "passport is a practical way to do this."
            ),
        ],
        "related": [
            "communication-passports",
            "life-story-work-and-pen-portraits",
            "person-centred-care-planning",
        ],
    },
    {
        "slug": "advance-care-planning-conversations",
        "title": "Advance care planning conversations",
        "summary": (
            "How to talk with residents about what matters to them and the care "
            "they would want, and how ReSPECT emergency care plans fit in."
        ),
        "topics": ["End of life care", "Care planning", "Mental Capacity Act and DoLS"],
        "homes": ALL_HOMES,
        "owner": "editor",
        "review_due_in_days": 320,
        "body": [
            paragraph(
                "Advance care planning is a conversation, or a series of "
                "conversations, about what matters most to a person and what they "
                "would and would not want if they became seriously ill. It helps "
                "people get care that fits their wishes, including where they want "
                "to be cared for at the end of their life, and it spares families "
                "from guessing at a difficult time.",
                "Many people living in care homes are in the last years of their "
                "life. Talking early, while the person can take a full part, is "
                "kinder than waiting for a crisis.",
            ),
            heading("Who can have the conversation"),
            paragraph(
                "Any member of staff the resident trusts can start it. You do not "
                "need to be a nurse or a doctor to ask 'What matters most to you?' "
                "The GP, a nurse or a specialist palliative care team can then help "
                "with decisions about medical treatment."
            ),
            heading("When to talk"),
            bullet_list(
                "once a new resident has settled in, usually within the first few "
                "weeks",
                "when their health changes, for example after a hospital stay or a "
                "fall",
                "when the resident or their family raise it, even in passing",
                "at each care plan review, to check nothing has changed",
            ),
            heading("Words that can help"),
            details(
                "Starting the conversation",
                "'I'd like to understand what's important to you, so we can care for "
                "you in the way you want. Would it be all right to talk about that?'",
                "'Some people like to plan ahead in case they become more poorly. Is "
                "that something you've thought about?'",
            ),
            details(
                "If the person does not want to talk",
                "Respect that, and tell them the door is always open: 'That's fine. "
                "If you ever want to talk about it, just let me know.' Record that "
                "you offered, and try again another time if it seems right.",
            ),
            details(
                "If the person cannot make the decision themselves",
                "If a resident lacks capacity for a particular decision, anything "
                "decided must be in their best interests under the Mental Capacity "
                "Act. Involve anyone they appointed under a lasting power of "
                "attorney for health and welfare, and ask family and friends what "
                "the person valued. Wishes they expressed in the past, written or "
                "spoken, carry a lot of weight.",
            ),
            heading("What to record"),
            paragraph(
                "Write down what the person said, in their own words, who was there "
                "and the date. Record, where they exist:",
                bullets=[
                    "their wishes and preferences, such as where they would like to "
                    "be cared for and who they would like with them",
                    "any lasting power of attorney, with a copy of the registered "
                    "document",
                    "any advance decision to refuse treatment, which is legally "
                    "binding if it is valid and applies to the situation",
                    "their ReSPECT form",
                ],
            ),
            heading("ReSPECT emergency care plans"),
            paragraph(
                "ReSPECT stands for Recommended Summary Plan for Emergency Care and "
                "Treatment. It is a form, filled in by a doctor, nurse or other "
                "clinician together with the person, that records recommendations "
                "about the care and treatment they would or would not want in an "
                "emergency when they cannot decide for themselves. This includes "
                "whether CPR should be attempted.",
                "A ReSPECT form is not a legal document, but it helps the ambulance "
                "crew, the out-of-hours doctor or the hospital make quick decisions "
                "that reflect the person's wishes.",
            ),
            warning_callout(
                "In an emergency",
                "Keep the original ReSPECT form where any member of staff can find it "
                "in seconds, and hand it to the paramedics. It goes with the resident "
                "to hospital, for example in their Red Bag. If a resident has no "
                "ReSPECT form, call 999 and start CPR if it is needed, as you have "
                "been trained.",
            ),
            paragraph(
                "If a resident's health or wishes change, ask the GP to review the "
                "form. An out-of-date form can be as unhelpful as no form at all."
            ),
        ],
        "related": [
            "advance-care-planning-conversations",
            "respect-forms-what-staff-need-to-know",
            "end-of-life-care-last-days",
        ],
    },
    {
        "slug": "red-bag-hospital-transfer-scheme",
        "title": "The Red Bag hospital transfer scheme",
        "summary": (
            "One easily spotted bag that keeps a resident's paperwork, medicines "
            "and belongings together on the way to hospital and back."
        ),
        "topics": ["Care planning", "Medication management"],
        "homes": ALL_HOMES,
        "owner": "moderator",
        "review_due_in_days": 18,
        "body": [
            paragraph(
                "When a resident goes into hospital, important information and "
                "belongings can get lost on the way. The Red Bag scheme keeps "
                "everything together in one bag that goes with the resident in the "
                "ambulance, stays with them on the ward and comes home with them.",
                "The scheme runs with the city's hospital trust in the North, "
                "Riverside and City Centre areas. Homes in these areas are given "
                "bags and a short briefing for staff. If your home is elsewhere, ask "
                "the Care Quality Team when the scheme will reach you.",
            ),
            heading("What goes in the bag"),
            bullet_list(
                "the hospital transfer form, with the reason for going to hospital "
                "and a summary of the resident's needs",
                "a copy of their medicines chart, and their current medicines in the "
                "original packs",
                "their ReSPECT form or other advance care plan, if they have one",
                "their pen portrait or communication passport",
                "glasses, hearing aids and dentures, in named cases",
                "a day's clothes, slippers and toiletries, and something to wear home",
            ),
            heading("How it works"),
            paragraph(
                "Staff pack the bag when a transfer is agreed, fill in the transfer "
                "form and tell the ambulance crew about the bag. On the ward, staff "
                "keep it by the bed. When the resident is ready to come home, the "
                "ward puts the discharge summary and any new medicines into the bag.",
                "Each home keeps a simple log of bags going out and coming back, so "
                "that bags, and what is in them, are not lost.",
            ),
            heading("Getting it right"),
            do_list(
                "Pack the bag as soon as a hospital transfer looks likely.",
                "Tell the ambulance crew there is a Red Bag and ask them to hand it "
                "over with the resident.",
                "Phone the ward the next day to check the bag arrived and to ask how "
                "the resident is.",
                "Check the discharge summary and any new medicines as soon as the "
                "resident is home, and tell the GP about changes.",
                "Restock the bag with a fresh set of forms once it is back.",
            ),
            dont_list(
                "Don't delay a 999 transfer to pack the bag: send what you can and "
                "follow up.",
                "Don't put in medicines belonging to anyone else, or loose tablets "
                "out of their packs.",
                "Don't forget to sign the bag out and back in on your log.",
            ),
            inset_text(
                "The Red Bag works best when everyone knows about it. Add it to "
                "induction for new and agency staff, and to the night staff "
                "handover, as many transfers happen at night."
            ),
        ],
        "related": [
            "red-bag-hospital-transfer-scheme",
            "enhanced-health-in-care-homes",
            "spotting-when-a-resident-is-becoming-unwell",
        ],
    },
    {
        "slug": "medicines-management-basics",
        "title": "Medicines management: the basics every home needs",
        "summary": (
            "The systems every home needs to handle medicines safely, from "
            "ordering to disposal, with a quick spot check for any shift."
        ),
        "topics": ["Medication management", "Care planning"],
        "homes": ALL_HOMES,
        "owner": "editor",
        "review_due_in_days": -15,
        "body": [
            paragraph(
                "Mistakes with medicines are among the most common reasons care "
                "homes are rated Requires Improvement, and a common cause of "
                "avoidable harm. Most errors come from gaps in everyday systems, not "
                "from careless people. This guide covers the basics every home "
                "needs, whether nurses or trained care staff give the medicines.",
                "It follows NICE's guidance on managing medicines in care homes. Use "
                "it alongside your home's own medicines policy.",
            ),
            heading("A policy staff actually follow"),
            paragraph(
                "Every home needs a written medicines policy that covers each stage, "
                "from ordering to disposal. Keep it short enough to read, make sure "
                "everyone who handles medicines has read it, and review it at least "
                "once a year."
            ),
            heading("Only trained, assessed staff give medicines"),
            paragraph(
                "Staff must be trained before they give medicines, and then observed "
                "until they are assessed as competent. Check their competence at "
                "least once a year, and again after any error."
            ),
            heading("Storing medicines"),
            table(
                "Storing medicines safely: the essentials",
                ["What", "What good looks like"],
                [
                    "Medicines room or trolley",
                    "Locked, clean and kept below 25°C, with the temperature checked "
                    "and recorded every day.",
                ],
                [
                    "Medicines fridge",
                    "Used only for medicines, kept between 2°C and 8°C, and checked "
                    "and recorded every day.",
                ],
                [
                    "Controlled drugs",
                    "Kept in a controlled drugs cabinet and recorded in a controlled "
                    "drugs register, with a second trained member of staff as witness.",
                ],
                [
                    "Residents' own medicines",
                    "Given only to the person they were prescribed for, never shared.",
                ],
                [
                    "Medicines no longer needed",
                    "Recorded and returned for safe disposal, never put in the bin or "
                    "down the sink.",
                ],
            ),
            heading("Giving medicines and keeping records"),
            bullet_list(
                "Record every dose on the medicines administration record (MAR) "
                "straight after giving it, or the reason it was not given.",
                "Write a protocol for every 'when required' medicine, saying what it "
                "is for, how much, how often and the signs that show it is needed.",
                "Support residents who want to look after their own medicines, when "
                "it is safe for them to do so.",
                "Never hide medicines in food or drink without a mental capacity "
                "assessment, a best-interests decision involving the GP and a "
                "pharmacist, and a written plan.",
                "Agree any homely remedies, such as paracetamol for a headache, with "
                "each resident's GP in advance.",
            ),
            checklist(
                "Ten-minute medicines spot check",
                "A quick check the person in charge can do on any shift. Pick one "
                "medicines trolley and three residents.",
                "No unexplained gaps on the three residents' MAR charts this week",
                "Stock counts for two boxed medicines match the records",
                "Every 'when required' medicine has a protocol",
                "Room and fridge temperatures are recorded for every day this month",
                "The controlled drugs register balance matches the stock",
                "Opened creams, eye drops and liquids show the date they were opened",
                "Allergies are recorded on each MAR chart",
            ),
            heading("When something goes wrong"),
            warning_callout(
                "If a medicines error happens",
                "Check the resident first. If they may have been harmed, get medical "
                "advice straight away from their GP or NHS 111, or call 999 in an "
                "emergency. Then tell the person in charge, record what happened and "
                "be open with the resident and their family. Decide whether a "
                "safeguarding referral and a notification to CQC are needed.",
            ),
            paragraph(
                "Look at why the error happened, not just who made it. Interruptions "
                "during the medicines round, unclear instructions and late "
                "deliveries are common causes. Share what you learn with the whole "
                "team."
            ),
        ],
        "related": [
            "medicines-management-toolkit",
            "medicines-administration-refresher",
            "covert-medication-webinar",
        ],
    },
    {
        "slug": "safeguarding-thresholds-and-reporting",
        "title": "Safeguarding: thresholds and how to report a concern",
        "summary": (
            "What counts as abuse or neglect, when to refer to the council's adult "
            "safeguarding team and how to report a concern."
        ),
        "topics": ["Safeguarding", "Mental Capacity Act and DoLS"],
        "homes": ALL_HOMES,
        "owner": "moderator",
        "review_due_in_days": 325,
        "body": [
            warning_callout(
                "If someone is in immediate danger, call 999",
                "Make the person safe if you can do so without putting yourself at "
                "risk, then tell the person in charge.",
                level=2,
            ),
            paragraph(
                "Safeguarding means protecting people's right to live safely, free "
                "from abuse and neglect. Everyone who works in a care home has a duty "
                "to act on a concern, whatever their role. This guide helps you "
                "decide what to refer to the council's adult safeguarding team and "
                "what can be dealt with and recorded in the home."
            ),
            heading("What counts as abuse"),
            paragraph(
                "The statutory guidance to the Care Act 2014 describes these types "
                "of abuse and neglect:",
                bullets=[
                    "physical",
                    "domestic",
                    "sexual",
                    "psychological or emotional",
                    "financial or material",
                    "modern slavery",
                    "discriminatory",
                    "organisational, such as rigid routines that ignore people's needs",
                    "neglect and acts of omission",
                    "self-neglect",
                ],
            ),
            paragraph(
                "Abuse can come from anyone: staff, visitors, family members or "
                "other residents. It can be deliberate, or the result of poor care."
            ),
            heading("Thresholds: when to refer"),
            paragraph(
                "The council must look into a concern when an adult with care and "
                "support needs is experiencing, or at risk of, abuse or neglect and "
                "cannot protect themselves because of those needs. Use the examples "
                "below and the council's full thresholds guide to decide. If you are "
                "not sure, ring the safeguarding team for advice: nobody will "
                "criticise you for checking."
            ),
            table(
                "Examples of concerns and what to do",
                [
                    "Concern",
                    "Usually record and manage in the home",
                    "Usually refer to adult safeguarding",
                ],
                [
                    "Medicines",
                    "A single missed dose with no harm, checked with the GP and "
                    "learned from",
                    "Repeated errors, errors causing harm, or medicines deliberately "
                    "withheld or misused",
                ],
                [
                    "Falls and injuries",
                    "A fall that was well managed and in line with the care plan",
                    "Unexplained bruises or injuries, or falls linked to care not "
                    "being given",
                ],
                [
                    "Pressure ulcers",
                    "Early skin damage, found and treated promptly, where care was "
                    "given as planned",
                    "Severe damage where care may have been missed or delayed",
                ],
                [
                    "Between residents",
                    "A one-off minor incident with no injury, and a plan to stop it "
                    "happening again",
                    "Any injury, any sexual incident, or a pattern of incidents",
                ],
                [
                    "Money and belongings",
                    "A small error in a resident's account, found and put right "
                    "quickly",
                    "Money or belongings missing, or someone pressing a resident "
                    "about money",
                ],
            ),
            inset_text(
                "These are examples, not rules. Something that looks minor may be "
                "part of a pattern, so always look at the whole record. If in doubt, "
                "refer."
            ),
            heading("How to report a concern"),
            paragraph(
                numbered=[
                    "Make sure the person is safe, and get medical help if they need "
                    "it.",
                    "Tell the person in charge straight away. If they are involved, "
                    "tell the manager, the owner or the council directly.",
                    "Write down what you saw or heard, using the person's own words, "
                    "with the date and time. Stick to the facts.",
                    "The manager refers the concern to the council's adult "
                    "safeguarding team the same day, and tells the police if a crime "
                    "may have been committed.",
                    "The manager notifies CQC of the abuse or allegation without "
                    "delay.",
                ],
            ),
            heading("Making safeguarding personal"),
            paragraph(
                "Talk to the person about the concern, ask what they would like to "
                "happen and record their answer. You should usually have their "
                "agreement before you refer, but you can refer without it if they "
                "lack capacity to decide, if other people are at risk or if a crime "
                "may have been committed."
            ),
            do_list(
                "Listen, and take what the person tells you seriously.",
                "Keep any evidence safe, and don't wash or tidy up if a crime may "
                "have been committed.",
                "Record what you saw and heard as soon as you can.",
            ),
            dont_list(
                "Don't promise to keep it a secret.",
                "Don't question the person in detail or investigate yourself: leave "
                "that to the safeguarding team or the police.",
                "Don't confront the person you suspect.",
            ),
        ],
        "related": [
            "safeguarding-adults-raising-a-concern",
            "safeguarding-thresholds-guide",
            "safeguarding-thresholds-for-managers",
        ],
    },
    {
        "slug": "supporting-nurses-through-nmc-revalidation",
        "title": "Supporting your nurses through NMC revalidation",
        "summary": (
            "What nurses need for revalidation every three years, and how nursing "
            "home managers can make it straightforward."
        ),
        "topics": ["Leadership", "Recruitment and retention"],
        "homes": (NUR,),
        "owner": "editor",
        "review_due_in_days": 210,
        "body": [
            paragraph(
                "Every nurse must renew their registration with the Nursing and "
                "Midwifery Council (NMC) every three years. This is called "
                "revalidation. If a nurse misses the deadline, their registration "
                "lapses and they cannot work as a nurse until it is restored, which "
                "can leave a nursing home without cover overnight.",
                "Managers can make revalidation straightforward by planning for it "
                "and building it into supervision.",
            ),
            heading("What nurses need to show"),
            paragraph(
                "Over the three years since they last renewed, each nurse needs:",
                bullets=[
                    "450 hours of practice as a nurse",
                    "35 hours of continuing professional development, including 20 "
                    "hours of learning that involved other people",
                    "five pieces of practice-related feedback",
                    "five written reflective accounts",
                    "a reflective discussion with another NMC-registered nurse or "
                    "midwife",
                    "a health and character declaration",
                    "professional indemnity cover, usually through their employer",
                    "confirmation from a suitable person, usually their line manager",
                ],
            ),
            heading("How managers can help"),
            do_list(
                "Keep a list of every nurse's renewal date and check it each month.",
                "Talk about revalidation at supervision, so evidence builds up over "
                "three years rather than in the last few weeks.",
                "Count training, clinical updates and learning from incidents as "
                "professional development, and note which involved other people.",
                "Pass on thank-you cards and comments from residents and families: "
                "they count as feedback.",
                "Find a reflective discussion partner in another home if your nurse "
                "is often the only nurse on shift.",
            ),
            details(
                "Can a manager who is not a nurse confirm?",
                "Yes. The confirmer should ideally be an NMC-registered nurse or "
                "midwife, but a line manager who is not can still confirm. The "
                "reflective discussion, though, must always be with an NMC "
                "registrant. The Registered Managers Network can put nurses in touch "
                "with colleagues in other homes.",
            ),
            details(
                "What if a nurse's registration lapses?",
                "They must stop working as a nurse straight away, and cannot be "
                "counted as a nurse on the rota until the NMC restores their "
                "registration. Check the NMC register for every nurse when they "
                "start and after each renewal date.",
            ),
            inset_text(
                "Nurses who are new to care homes, including those who trained "
                "overseas, may be revalidating for the first time. A supportive "
                "preceptorship in their first months makes this much easier."
            ),
        ],
        "related": [
            "nursing-home-preceptorship",
            "clinical-skills-for-nursing-home-nurses",
            "registered-managers-network",
        ],
    },
    {
        "slug": "meaningful-activity-in-emi-homes",
        "title": "Meaningful activity for people living with advanced dementia",
        "summary": (
            "Small moments of connection that give residents of EMI homes pleasure, "
            "comfort and purpose, and how to make them part of every shift."
        ),
        "topics": ["Dementia care", "Wellbeing", "Dignity"],
        "homes": (EMI,),
        "owner": "moderator",
        "review_due_in_days": 300,
        "body": [
            paragraph(
                "For someone living with advanced dementia, a good day is made of "
                "small moments: a song they know, the feel of a warm towel, a chat "
                "while a drink is made. Meaningful activity is anything that gives a "
                "person pleasure, comfort or a sense of purpose. It is much more "
                "than the timetable on the noticeboard.",
                "In EMI homes, many residents cannot join group sessions or start an "
                "activity themselves. So it falls to every member of staff, not only "
                "the activity coordinator, to offer moments of connection throughout "
                "the day.",
            ),
            heading("Ideas that work"),
            bullet_list(
                "Everyday tasks: folding towels, sorting cutlery, watering plants, "
                "dusting or winding wool.",
                "Music: a personal playlist of songs from the person's teens and "
                "twenties, played through headphones or sung together.",
                "Touch and the senses: hand massage, textured blankets, and familiar "
                "smells such as lavender or baking.",
                "Time outdoors: sitting in the garden, feeding the birds, feeling "
                "the weather.",
                "One-to-one time: five minutes of full attention is worth more than "
                "an hour in a crowded lounge.",
                "Objects from the past: tools, handbags or photos, if the person "
                "finds them comforting.",
            ),
            heading("Making it part of every shift"),
            paragraph(
                "Use each resident's life story to choose things they are likely to "
                "enjoy. Write what works, and what does not, in their care plan and "
                "share it at handover.",
                "Notice how people respond. A smile, relaxed hands or humming along "
                "tell you it is working; turning away or becoming restless tells you "
                "to stop and try something else.",
            ),
            do_list(
                "Offer activities to people in their rooms or in bed, not only in "
                "the lounge.",
                "Leave things in lounges and corridors that people can pick up and "
                "use.",
                "Treat personal care as a chance to connect: talk, sing and take your "
                "time.",
            ),
            dont_list(
                "Don't leave the television on all day as background noise.",
                "Don't use activities meant for children, or talk to residents as if "
                "they were children.",
                "Don't give up on someone who does not respond at first: try again "
                "another day or in another way.",
            ),
            inset_text(
                "Dementia care mapping is a way of observing how residents spend "
                "their time and how they respond to the care around them. It helps "
                "homes see where small changes would make a big difference."
            ),
        ],
        "related": [
            "dementia-care-mapping-basic-user",
            "activities-and-wellbeing-small-grants",
            "dementia-friendly-environments-pilot",
        ],
    },
]


def live_entries(slugs):
    """The live directory entries with these slugs, in the order given."""
    entries = DirectoryEntryPage.objects.live().filter(slug__in=slugs)
    by_slug = {entry.slug: entry for entry in entries}
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def related_block(slugs):
    entries = live_entries(slugs)
    if not entries:
        return None
    return {
        "type": "related",
        "value": {
            "heading": "Related training and resources",
            "pages": [entry.pk for entry in entries],
        },
    }


def guide_body(guide):
    """The guide's body, with its links to the directory resolved."""
    body = [
        block.as_block() if isinstance(block, EntryActionLink) else block
        for block in guide["body"]
    ]
    related = related_block(guide["related"])
    if related is not None:
        body.append(related)
    return body


def home_type_fields(homes):
    return {field: home in homes for home, field in HOME_TYPE_FIELDS.items()}


def seed_index_page(home):
    index = (
        GuideIndexPage.objects.child_of(home).filter(slug=INDEX_PAGE["slug"]).first()
    )
    if index is None:
        index = home.add_child(
            instance=GuideIndexPage(show_in_menus=True, **INDEX_PAGE)
        )
        index.save_revision().publish()
    return index


def seed_guide(index, guide, owners, today):
    unknown = set(guide["topics"]) - set(COMMON_TOPICS)
    if unknown:
        raise ValueError(f"{guide['slug']}: not a common topic: {sorted(unknown)}")
    review_due = today + datetime.timedelta(days=guide["review_due_in_days"])
    page = GuidePage(
        title=guide["title"],
        slug=guide["slug"],
        summary=guide["summary"],
        body=guide_body(guide),
        guide_owner=owners.get(guide["owner"]),
        last_reviewed=review_due - REVIEW_CYCLE,
        review_due=review_due,
        **home_type_fields(guide["homes"]),
    )
    page.tags.add(*guide["topics"])
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def seed():
    home = HomePage.objects.get()
    index = seed_index_page(home)
    usernames = {guide["owner"] for guide in GUIDES}
    owners = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=usernames)
    }
    existing = set(GuidePage.objects.child_of(index).values_list("slug", flat=True))
    today = timezone.localdate()
    for guide in GUIDES:
        if guide["slug"] not in existing:
            seed_guide(index, guide, owners, today)
    return index
