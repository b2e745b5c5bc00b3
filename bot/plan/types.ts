/**
 * What the planner reads and what it decides. Everything here is plain data that
 * survives JSON, so the state can live on the wiki and tests can use fixtures.
 */
import type { PlanConfig } from '../config';
import type { SupportKind } from '../../shared/request';
import type { Status, WorkingGroup } from '../../shared/status';

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
}

/** One revision of a request page, read to find who added a sign-off. */
export interface Revision {
	revid: number;
	user: string;
	timestamp: string;
	text: string;
}

/** Revisions of one page from `fromRevid` (null: from its creation), oldest first. */
export interface PageHistory {
	fromRevid: number | null;
	revisions: Revision[];
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

/** A status the bot has seen on the page, and since when. */
export interface StatusEntry {
	status: Status;
	since: string;
}

/** Who a notice went to (`to`), out of whom it was meant for (`of`). */
export interface NoticeEntry {
	to: string[];
	of: string[];
}

/** A reminder for a stage (the status entered at `since`), sent at `at`. */
export interface ReminderEntry extends NoticeEntry {
	stage: Status;
	since: string;
	at: string;
}

/**
 * What the bot knows of one request: the request's own fields, what it derived
 * from the page (sign-offs, markers) and where it stands. Published in the JSON
 * export, which a run reads back so that an unchanged page need not be read again.
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
	affiliate: string;
	individual: boolean;
	country: string;
	support: SupportKind[];
	language: string;
	filed: string;
	status: Status;
	statusSince: string;
	workingGroup: WorkingGroup | '';
	/** Statuses the bot has recorded on the page, oldest first. */
	statusHistory: StatusEntry[];
	signOffs: SignOff[];
	/** The committee's filing notice, once sent (even in part). */
	filedNotice: NoticeEntry | null;
	reminders: ReminderEntry[];
	/** Problems a person should look at (besides `problem`). */
	attention: string[];
	/** The page has `{{nobots}}` or a `{{bots}}` call that shuts this bot out. */
	botsDenied: boolean;
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

/**
 * What the bot keeps of one request between runs: what reading the page again
 * would not tell, or only at a cost. Who added each sign-off takes a history read
 * per page; the status last seen tells a status change on a page without markers.
 */
export interface RequestFacts {
	pageid: number;
	revid: number;
	/** Empty when the page could not be read as a request. */
	status: Status | '';
	statusSince: string;
	signOffs: SignOff[];
}

/** A compiled page as the bot last saved it (or found it unchanged). */
export interface SavedPage {
	revid: number;
	sha1: string;
}

/** The bot's state between runs, on pages of its own (see `state.ts` for the format). */
export interface BotState {
	/** When the run that saved it started: recent changes are read from then on. */
	saved: string;
	/** When every request page was last read. */
	lastFullScan: string;
	/** From this time on a run must compile the pages again even if no page changed; '' for never. */
	recheck: string;
	/** SHA-1 of what the pages were compiled from besides the requests (committee, configuration, bot). */
	basis: string;
	pages: Record<string, SavedPage>;
	requests: RequestFacts[];
}

/** What the bot knew before this run. */
export interface PreviousRun {
	facts: RequestFacts[];
	/** The records as the last run exported them: requests not read in this run are taken from here. */
	records: RequestRecord[];
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
	/** What the previous runs left, or null (no state: a full scan). */
	previous: PreviousRun | null;
	/** Request pages read in this run. */
	pages: PageSnapshot[];
	/** Pages that `pages` must be complete for: every request page exists among them. */
	fullScan: boolean;
	/** Request pages known to be gone (deleted or moved away). */
	gone: string[];
	/** Revisions read for sign-off attribution, per page, oldest first. */
	history: Record<string, PageHistory>;
	/** Talk pages of members who chose `talk`, read in this run. */
	talkPages: Record<string, TalkPage>;
	/** Talk pages that could not be edited in this run: notify by mention instead. */
	talkUnavailable: string[];
}

export type EditKind = 'request' | 'talk' | 'generated' | 'export' | 'state';

export interface Notice {
	/** Who is told. */
	to: string[];
	channel: 'mention' | 'talk';
	about: 'filed' | 'reminder' | 'status';
	requests: string[];
}

export interface PlannedEdit {
	title: string;
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
	/** Request pages whose content is needed. */
	content: string[];
	/** Request pages whose history from `fromRevid` (null: from the start) is needed. */
	history: { title: string; fromRevid: number | null }[];
	/** Talk pages to read before notices can be planned. */
	talkPages: string[];
}

export interface Attention {
	page: string;
	reason: string;
}

export interface GeneratedPage {
	title: string;
	text: string;
	sha1: string;
	contentModel?: 'json';
}

export interface Plan {
	/** When not empty, read these and plan again; the edits are not final yet. */
	wants: MoreReading;
	/** Edits of request pages and talk pages, in the order to make them. */
	edits: PlannedEdit[];
	/** The compiled pages, in the order to save them: table and archive, statistics, agenda, export. */
	compiled: GeneratedPage[];
	/** What the state keeps of each request. */
	facts: RequestFacts[];
	/** The next time the compiled pages or the notices owed change with no edit; '' for never. */
	recheck: string;
	needsAttention: Attention[];
	records: RequestRecord[];
	committee: Committee;
}
