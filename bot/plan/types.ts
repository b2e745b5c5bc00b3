/**
 * What the planner reads and what it decides. Everything here is plain data that
 * survives JSON, so tests can use fixtures and the state can live on the wiki.
 */
import type { PlanConfig } from '../config';
import type { SupportKind } from '../../shared/request';
import type { Status } from '../../shared/status';
import type { KnownVerdict, Verdict } from './verdict';

/** A page as the API returned it: the latest revision with its content. */
export interface PageSnapshot {
	title: string;
	pageid: number;
	revid: number;
	/** Timestamp of the latest revision, ISO 8601. */
	timestamp: string;
	/** Author of the latest revision. */
	user: string;
	text: string;
	/** MediaWiki says the page is a redirect. */
	redirect?: boolean;
}

/** One revision of a request page, read to find who added a sign-off. */
export interface Revision {
	revid: number;
	user: string;
	timestamp: string;
	text: string;
}

export type SignOffKind = 'feedback' | 'final-go';

/** A sign-off template on a request page, with the author of the edit that added it. */
export interface SignOff {
	kind: SignOffKind;
	member: string;
	/** `yes` or `no` for a final go; empty for feedback. */
	decision: '' | 'yes' | 'no';
	/** Who made the edit that added this call; empty while unknown. */
	author: string;
	revid: number;
	timestamp: string;
}

/** A status the bot has recorded on the page, and since when. */
export interface StatusEntry {
	status: Status;
	since: string;
	/** Recorded by an import: decided before the Helpdesk's pages, so not checked against the sign-offs. */
	imported?: boolean;
}

/**
 * A notice as the request page records it: `key` names the event (`filed`,
 * `reminder:STAGE:SINCE:N`, `status:STATUS:SINCE`), `of` who it is meant for,
 * `to` who was told on the request page and `talk` who on their talk page.
 */
export interface NoticeEntry {
	key: string;
	to: string[];
	of: string[];
	talk: string[];
	/** Meant for these too, who have no account on the wiki: never told. */
	none: string[];
}

/**
 * What the bot knows of one request: the request's own fields, what it derived
 * from the page (sign-offs, markers) and where it stands.
 */
export interface RequestRecord {
	page: string;
	pageid: number;
	revid: number;
	/** Timestamp of the page's latest revision. */
	touched: string;
	/** Why the page could not be read as a request; the other fields are then empty. */
	problem: string;
	title: string;
	requester: string;
	/** The requester is a name an account can have: it may be linked and told. */
	requesterValid: boolean;
	affiliate: string;
	individual: boolean;
	country: string;
	support: SupportKind[];
	language: string;
	/** Canonical timestamp, or '' when the page's value is not a real date. */
	filed: string;
	/**
	 * The status on the page; when the page's status is not one the bot can read
	 * (`statusUnknown`), the last status the page records, or `submitted`.
	 */
	status: Status;
	/** What the page says when it is not a Helpdesk status; '' otherwise. */
	statusUnknown: string;
	/**
	 * The status the sign-offs bear out (see `process.ts`): `status` itself when the
	 * process holds, else the furthest stage its prerequisites reach.
	 */
	proven: Status;
	/** Why the status does not hold: codes and parameters for the views, and English text. */
	processProblems: Problem[];
	statusSince: string;
	/** A working group's code from the settings (or as typed, when unknown: flagged). */
	workingGroup: string;
	/** What the committee reads on the agenda. */
	summary: RequestSummary;
	/** Statuses the bot has recorded on the page, oldest first. */
	statusHistory: StatusEntry[];
	signOffs: SignOff[];
	/** The requester's verdicts and any other `{{Helpdesk verdict}}` on the page, with who added them. */
	verdicts: Verdict[];
	/** Every notice the page records. */
	notices: NoticeEntry[];
	/** Problems a person should look at (besides `problem`). */
	attention: string[];
	/** The page has `{{nobots}}` or a `{{bots}}` call that shuts this bot out. */
	botsDenied: boolean;
}

/** A problem a person should look at, in a form the views can translate. */
export interface Problem {
	code: string;
	params: string[];
	/** In English, for the report and as the views' fallback. */
	text: string;
}

/** A working group's recommendation, from the last `{{Helpdesk recommendation}}` on the page. */
export interface Recommendation {
	group: string;
	/** `yes`, `no`, or '' when the group only commented. */
	recommendation: '' | 'yes' | 'no';
	text: string;
}

export interface RequestSummary {
	stage: string;
	volume: string;
	contentType: string;
	/** The languages of the content, as typed (codes or names), for the routing hints. */
	languages: string[];
	/** The description's first characters, as plain text on one line. */
	excerpt: string;
	links: string[];
	recommendation: Recommendation | null;
}

export type NotifyBy = 'mention' | 'talk';

export interface CommitteeMember {
	name: string;
	notify: NotifyBy;
	/** Away through this date (YYYY-MM-DD), or empty. */
	awayUntil: string;
	languages: string[];
}

export interface Committee {
	members: CommitteeMember[];
	/** Lines of the committee page that could not be read. */
	problems: string[];
}

/** Who added each sign-off still on a page: facts of the page history, which never change. */
export interface SignOffAuthors {
	pageid: number;
	signOffs: SignOff[];
	/** Who added each verdict still on the page (left out when there is none). */
	verdicts?: KnownVerdict[];
}

/**
 * The bot's state between runs, on pages of its own (see `state.ts`). It only
 * answers "has anything changed since the last run" and keeps who added each
 * sign-off (a history read otherwise); it is never the authority on a request's
 * status or on what was delivered: the request and talk pages are.
 */
export interface BotState {
	/** When the run that saved it started: recent changes are read from then on. */
	saved: string;
	/** The last recent change the run had seen when it began: later ones are news. */
	rcid: number;
	/** From this time on a run must look again even if no page changed; '' for never. */
	recheck: string;
	/** SHA-1 of what the pages were compiled from besides the requests (committee, configuration, bot). */
	basis: string;
	/** The compiled pages the bot keeps (to empty those no longer needed). */
	compiled: string[];
	signOffs: SignOffAuthors[];
}

export interface Tally {
	members: number;
	feedback: number;
	finalGoYes: number;
	finalGoNo: number;
}

export interface ExportedRequest extends RequestRecord {
	continent: string;
	tally: Tally;
	flags: string[];
}

export interface TalkPage {
	title: string;
	/** Null when the page does not exist yet. */
	revid: number | null;
	timestamp: string;
	text: string;
}

export interface PlanInput {
	config: PlanConfig;
	/** The bot's user name, as in signatures and `{{bots}}` calls. */
	botName: string;
	/** The run's time, ISO 8601; the planner never reads a clock. */
	now: string;
	/** Committee page text, or null if it does not exist. */
	committeeText: string | null;
	/** The volunteers' page text, or null (or left out) when it does not exist: nobody is suggested. */
	volunteersText?: string | null;
	/** Who added each sign-off, as the last run found; empty without a state. */
	known: SignOffAuthors[];
	/** Every page under the requests prefix, as read in this run. */
	pages: PageSnapshot[];
	/** Revisions read for sign-off attribution, per title, newest first. */
	history: Record<string, Revision[]>;
	/** Talk pages of members who chose `talk`, read in this run. */
	talkPages: Record<string, TalkPage>;
	/** Talk pages the wiki refused to let the bot edit in this run: mention instead. */
	talkUnavailable: string[];
	/** Whether each user name asked about has an account (normalised names). */
	accounts: Record<string, boolean>;
	/** The settings page as read (null: missing); undefined to plan with the configuration's settings. */
	settingsPage?: PageSnapshot | null;
	/** Titles of the FAQ pages there are (under `config.pages.faqPrefix`), for the FAQ candidates. */
	faqPages?: string[];
	/** Titles of pages whose edit the wiki refused in this run: planned without them. */
	refused?: string[];
	/** The settings page's history, newest first, once asked for (`wants.settingsHistory`). */
	settingsHistory?: Revision[];
}

export type EditKind = 'request' | 'talk' | 'generated' | 'export' | 'state';

export interface Notice {
	/** Who is told. */
	to: string[];
	channel: 'mention' | 'talk';
	about: 'filed' | 'reminder' | 'status' | 'unproven' | 'sign-off' | 'settings' | 'verdict';
	requests: string[];
}

export interface PlannedEdit {
	title: string;
	/** For request pages: the page, whatever its title by the time the edit is made. */
	pageid?: number;
	/** For talk pages: the requests it tells of, whose own edits come next (read them again with it). */
	requestPageids?: number[];
	kind: EditKind;
	/** The whole new text of the page. */
	text: string;
	summary: string;
	/** Revision the edit is based on; null to create the page. */
	baseRevid: number | null;
	baseTimestamp: string;
	/** Why, in English, for the report and the dry-run. */
	reasons: string[];
	notices: Notice[];
	/** Number of user mentions the edit adds. */
	mentions: number;
	contentModel?: 'json';
}

export interface MoreReading {
	/** The settings page's latest revision is not valid: read its history for the last valid one. */
	settingsHistory: boolean;
	/** Request pages whose history is needed to find who added sign-offs. */
	history: { title: string; keys: string[] }[];
	/** Talk pages to read before notices can be planned. */
	talkPages: string[];
	/** User names whose accounts must be looked up before anyone is told. */
	accounts: string[];
}

export interface Attention {
	page: string;
	reason: string;
	/** For the views: a message code and its parameters (the reason is the English fallback). */
	code?: string;
	params?: string[];
}

export interface GeneratedPage {
	title: string;
	text: string;
	sha1: string;
	contentModel?: 'json';
	/** A view: made when missing, then left to the wiki's editors. */
	createOnly?: boolean;
}

export interface Plan {
	/** When not empty, read these and plan again; the edits are not final yet. */
	wants: MoreReading;
	/** Edits of request pages and talk pages, in the order to make them. */
	edits: PlannedEdit[];
	/** The compiled pages, in the order to save them: table and archive, statistics, agenda, export. */
	compiled: GeneratedPage[];
	/** The state to save once the plan is carried out (its `saved` is the run's time). */
	state: BotState;
	needsAttention: Attention[];
	records: RequestRecord[];
	committee: Committee;
}
