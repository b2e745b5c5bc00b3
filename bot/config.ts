/**
 * What the bot works on and by which rules: page names, templates and thresholds,
 * with Meta-Wiki defaults, overridable from the environment. Pure: the caller hands
 * in the environment and, for the local wiki, its credentials file.
 */
import { AGENDA_PAGE, COMMITTEE_PAGE, EXPORT_PAGE, HELPDESK_PAGE, REQUESTS_PREFIX, SETTINGS_PAGE, SHUTOFF_PAGE, TEMPLATES } from '../shared/pages';
import { DEFAULT_SETTINGS, ProcessSettings } from '../shared/settings';
import { DEFAULT_FAQ_OPTIONS } from './plan/faq';

export interface HelpdeskPages {
	/** Each request is a subpage under this prefix (namespace included, if any). */
	requestsPrefix: string;
	/** Main page of the JSON export: the open requests and the list of its other pages. */
	export: string;
	/** The export's other pages: `PREFIX2025.json` (closed in 2025), `PREFIXOpen/2.json`… */
	exportPrefix: string;
	/** Views of the export's other pages: `PREFIX2025` (closed in 2025, all its parts), `PREFIXOpen/2`… */
	archivePrefix: string;
	/** The bot's own state between runs (JSON); `…/State/2.json` and on when it is large. */
	state: string;
	committee: string;
	shutoff: string;
	/** The process settings (JSON) that staff and the committee edit. */
	settings: string;
	/** The people who offer to give support, one template call each; anyone may edit it. */
	volunteers: string;
	/** The routing hints (JSON) of the requests awaiting the committee, which the request pages show. */
	routing: string;
	/** The impact of outcomes (JSON), which the request pages, the table and the statistics show. */
	impact: string;
	/** The statistics' numbers (JSON), which the statistics page shows. */
	statisticsData: string;
	/** The FAQ candidates (JSON) for the staff; its view is the same title without `.json`. */
	faqCandidates: string;
	/** The existing FAQ pages are the pages under this prefix. */
	faqPrefix: string;
	/** Each meeting's agenda: `PREFIX2026-12-10.json` (data) and `PREFIX2026-12-10` (its view). */
	agendaPrefix: string;
}

/** Everything the pure planner needs to know besides what it read. */
export interface PlanConfig {
	pages: HelpdeskPages;
	templates: {
		request: string;
		statusBadge: string;
		committeeMember: string;
		volunteer: string;
		signOff: string;
		recommendation: string;
	};
	/** Namespace prefixes as the wiki spells them. */
	userPrefix: string;
	userTalkPrefix: string;
	/**
	 * The process as the settings page sets it (working groups, reminder days,
	 * quorums, meetings, staff): the planner puts in the settings it read, or the
	 * last valid ones.
	 */
	process: ProcessSettings;
	/** Filing notices go out only for requests filed within this many days. */
	filingNoticeWithinDays: number;
	/** Closed requests move to the yearly archive this many days after closing. */
	archiveAfterDays: number;
	/** Most user mentions one edit may carry (Echo notifies nobody above 50). */
	maxMentions: number;
	/**
	 * Largest page the bot saves, in bytes of UTF-8 (MediaWiki refuses more than
	 * $wgMaxArticleSize, 2048 KiB on Meta-Wiki). Longer lists are split over numbered
	 * pages or cut with a note.
	 */
	maxPageBytes: number;
	/** Where the impact of outcomes is counted; without it, it is not. */
	impact?: ImpactApiConfig;
}

/** The APIs standing for Wikimedia Commons and Wikidata, read anonymously. */
export interface ImpactApiConfig {
	commonsApiUrl: string;
	wikidataApiUrl: string;
	userAgent: string;
	/** Milliseconds before mwn tries a failed read again (once). */
	retryPauseMs: number;
}

export const COMMONS_API_URL = 'https://commons.wikimedia.org/w/api.php';
export const WIKIDATA_API_URL = 'https://www.wikidata.org/w/api.php';

/** How the thin layer talks to the wiki. */
export interface WikiConfig {
	apiUrl: string;
	/** `Name@app` of a bot password. */
	username?: string;
	password?: string;
	/** OAuth 2 owner-only access token, used instead of a bot password when set. */
	oauth2Token?: string;
	userAgent: string;
	/** Milliseconds between two edits. */
	editSpacingMs: number;
	/** Milliseconds mwn waits before retrying a failed read (and an edit refused for maxlag or read-only). */
	retryPauseMs: number;
	/**
	 * A run stops itself, unfinished, after this many seconds (0: never): keep it
	 * below the scheduler's timeout so that a run is never killed half-way.
	 */
	runBudgetSeconds: number;
	/** node-cron expression for `npm run bot` without `--once`. */
	schedule: string;
}

export interface BotConfig {
	plan: PlanConfig;
	wiki: WikiConfig;
}

/** The bot's own pages, none under the requests prefix (they would be read as requests). */
export const STATE_PAGE = HELPDESK_PAGE + '/Bot/State.json';
export const EXPORT_PREFIX = HELPDESK_PAGE + '/Export/';
export const ARCHIVE_PREFIX = HELPDESK_PAGE + '/Archive/';
export const STATISTICS_DATA_PAGE = EXPORT_PREFIX + 'Statistics.json';
export const AGENDA_PREFIX = AGENDA_PAGE + '/';
/** Beside the committee page: people who give support. */
export const VOLUNTEERS_PAGE = HELPDESK_PAGE + '/Volunteers';
/** Read by Module:Helpdesk request (`p.ROUTING_PAGE`) for the note on each request page. */
export const ROUTING_PAGE = HELPDESK_PAGE + '/Routing.json';
/** Read by Module:Helpdesk request (`p.IMPACT_PAGE`) and Module:Helpdesk views. */
export const IMPACT_PAGE = HELPDESK_PAGE + '/Impact.json';

/** 1.5 MB: well below Meta-Wiki's 2 MiB, so a page near it still saves. */
export const MAX_PAGE_BYTES = 1500000;

/** MediaWiki's default $wgMaxArticleSize (2048 KiB), Meta-Wiki's too. */
const MEDIAWIKI_MAX_BYTES = 2048 * 1024;
/** Room for a page's heading and a few rows at least. */
const MIN_PAGE_BYTES = 10000;

export const DEFAULT_PLAN_CONFIG: PlanConfig = {
	pages: {
		requestsPrefix: REQUESTS_PREFIX,
		export: EXPORT_PAGE,
		exportPrefix: EXPORT_PREFIX,
		archivePrefix: ARCHIVE_PREFIX,
		state: STATE_PAGE,
		committee: COMMITTEE_PAGE,
		shutoff: SHUTOFF_PAGE,
		settings: SETTINGS_PAGE,
		volunteers: VOLUNTEERS_PAGE,
		routing: ROUTING_PAGE,
		impact: IMPACT_PAGE,
		statisticsData: STATISTICS_DATA_PAGE,
		faqCandidates: DEFAULT_FAQ_OPTIONS.page,
		faqPrefix: DEFAULT_FAQ_OPTIONS.faqPrefix,
		agendaPrefix: AGENDA_PREFIX,
	},
	templates: {
		request: TEMPLATES.request,
		statusBadge: TEMPLATES.statusBadge,
		committeeMember: TEMPLATES.committeeMember,
		volunteer: 'Helpdesk volunteer',
		signOff: 'Helpdesk sign-off',
		recommendation: 'Helpdesk recommendation',
	},
	userPrefix: 'User:',
	userTalkPrefix: 'User talk:',
	process: DEFAULT_SETTINGS,
	filingNoticeWithinDays: 14,
	archiveAfterDays: 90,
	maxMentions: 50,
	maxPageBytes: MAX_PAGE_BYTES,
};

export const META_API_URL = 'https://meta.wikimedia.org/w/api.php';
export const PROJECT_PAGE = 'https://meta.wikimedia.org/wiki/Content_Partnerships_Hub/Helpdesk';

/** Shape of `.wiki/credentials.json`, written by the local wiki scripts. */
export interface LocalWikiCredentials {
	apiUrl: string;
	bot: { username: string; botUsername?: string; botPassword: string };
}

export interface Versions {
	bot: string;
	mwn: string;
}

/** Thrown for a configuration that cannot work; the message names the variable. */
export class ConfigError extends Error {
	public override name = 'ConfigError';
}

function number( env: NodeJS.ProcessEnv, name: string, fallback: number ): number {
	const raw = env[ name ];
	if ( raw === undefined || raw.trim() === '' ) {
		return fallback;
	}
	const value = Number( raw );
	if ( !isFinite( value ) || value < 0 ) {
		throw new ConfigError( name + ' must be a number ≥ 0, not "' + raw + '"' );
	}
	return value;
}

function folder( value: string ): string {
	return value.slice( -1 ) === '/' ? value : value + '/';
}

/** Every page the bot writes must lie outside the requests prefix, or it would be read as a request. */
function checkPages( pages: HelpdeskPages ): void {
	const names: [ string, string ][] = [
		[ 'HELPDESK_EXPORT_PAGE', pages.export ], [ 'HELPDESK_EXPORT_PREFIX', pages.exportPrefix ],
		[ 'HELPDESK_ARCHIVE_PREFIX', pages.archivePrefix ], [ 'HELPDESK_STATE_PAGE', pages.state ],
		[ 'HELPDESK_SETTINGS_PAGE', pages.settings ], [ 'HELPDESK_STATISTICS_DATA_PAGE', pages.statisticsData ],
		[ 'HELPDESK_AGENDA_PREFIX', pages.agendaPrefix ], [ 'HELPDESK_ROUTING_PAGE', pages.routing ],
		[ 'HELPDESK_FAQ_CANDIDATES_PAGE', pages.faqCandidates ], [ 'HELPDESK_IMPACT_PAGE', pages.impact ],
	];
	for ( const [ name, title ] of names ) {
		if ( title.indexOf( pages.requestsPrefix ) === 0 ) {
			throw new ConfigError( name + ' (' + title + ') must not be under HELPDESK_REQUESTS_PREFIX (' + pages.requestsPrefix + ')' );
		}
	}
}

/** The login name of a bot password, `Name@app`, from the local wiki's file. */
function localLoginName( credentials: LocalWikiCredentials ): string {
	const { username, botUsername } = credentials.bot;
	if ( botUsername && botUsername.includes( '@' ) ) {
		return botUsername;
	}
	return botUsername ? username + '@' + botUsername : username;
}

/**
 * The configuration from the environment (see `.env.example`). With no API URL set
 * it targets the local wiki, whose credentials `localWiki` supplies.
 */
export function configFromEnv(
	env: NodeJS.ProcessEnv,
	versions: Versions,
	localWiki: () => LocalWikiCredentials | null,
): BotConfig {
	const pages = DEFAULT_PLAN_CONFIG.pages;
	const prefix = env.HELPDESK_REQUESTS_PREFIX || pages.requestsPrefix;
	const plan: PlanConfig = {
		pages: {
			requestsPrefix: folder( prefix ),
			export: env.HELPDESK_EXPORT_PAGE || pages.export,
			exportPrefix: folder( env.HELPDESK_EXPORT_PREFIX || pages.exportPrefix ),
			archivePrefix: folder( env.HELPDESK_ARCHIVE_PREFIX || pages.archivePrefix ),
			state: env.HELPDESK_STATE_PAGE || pages.state,
			committee: env.HELPDESK_COMMITTEE_PAGE || pages.committee,
			shutoff: env.HELPDESK_SHUTOFF_PAGE || pages.shutoff,
			settings: env.HELPDESK_SETTINGS_PAGE || pages.settings,
			volunteers: env.HELPDESK_VOLUNTEERS_PAGE || pages.volunteers,
			routing: env.HELPDESK_ROUTING_PAGE || pages.routing,
			impact: env.HELPDESK_IMPACT_PAGE || pages.impact,
			statisticsData: env.HELPDESK_STATISTICS_DATA_PAGE || pages.statisticsData,
			faqCandidates: env.HELPDESK_FAQ_CANDIDATES_PAGE || pages.faqCandidates,
			faqPrefix: folder( env.HELPDESK_FAQ_PREFIX || pages.faqPrefix ),
			agendaPrefix: folder( env.HELPDESK_AGENDA_PREFIX || pages.agendaPrefix ),
		},
		templates: DEFAULT_PLAN_CONFIG.templates,
		userPrefix: DEFAULT_PLAN_CONFIG.userPrefix,
		userTalkPrefix: DEFAULT_PLAN_CONFIG.userTalkPrefix,
		process: DEFAULT_SETTINGS,
		filingNoticeWithinDays: number( env, 'HELPDESK_FILING_NOTICE_DAYS', DEFAULT_PLAN_CONFIG.filingNoticeWithinDays ),
		archiveAfterDays: number( env, 'HELPDESK_ARCHIVE_AFTER_DAYS', DEFAULT_PLAN_CONFIG.archiveAfterDays ),
		maxMentions: DEFAULT_PLAN_CONFIG.maxMentions,
		maxPageBytes: number( env, 'HELPDESK_MAX_PAGE_BYTES', DEFAULT_PLAN_CONFIG.maxPageBytes ),
	};
	checkPages( plan.pages );
	if ( plan.maxPageBytes < MIN_PAGE_BYTES || plan.maxPageBytes > MEDIAWIKI_MAX_BYTES ) {
		throw new ConfigError( 'HELPDESK_MAX_PAGE_BYTES must be from ' + MIN_PAGE_BYTES + ' to ' + MEDIAWIKI_MAX_BYTES + ', not ' + plan.maxPageBytes );
	}
	let apiUrl = env.HELPDESK_API_URL || '';
	let username = env.HELPDESK_BOT_USERNAME || undefined;
	let password = env.HELPDESK_BOT_PASSWORD || undefined;
	const oauth2Token = env.HELPDESK_OAUTH2_TOKEN || undefined;
	const local = apiUrl === '';
	if ( local ) {
		const credentials = localWiki();
		if ( !credentials ) {
			throw new ConfigError( 'HELPDESK_API_URL is not set and the local wiki has no credentials yet: run `npm run wiki -- start` first' );
		}
		apiUrl = credentials.apiUrl;
		if ( !username && !oauth2Token ) {
			username = localLoginName( credentials );
			password = credentials.bot.botPassword;
		}
	}
	if ( !oauth2Token && ( !username || !password ) ) {
		throw new ConfigError( 'Set HELPDESK_BOT_USERNAME and HELPDESK_BOT_PASSWORD (a bot password), or HELPDESK_OAUTH2_TOKEN' );
	}
	if ( username && !username.includes( '@' ) ) {
		throw new ConfigError( 'HELPDESK_BOT_USERNAME must be the bot password login name, Name@app' );
	}
	const contact = env.HELPDESK_BOT_CONTACT || PROJECT_PAGE;
	const schedule = env.HELPDESK_BOT_SCHEDULE || '*/15 * * * *';
	const userAgent = 'HelpdeskBot/' + versions.bot + ' (' + PROJECT_PAGE + '; ' + contact + ') mwn/' + versions.mwn;
	const retryPauseMs = number( env, 'HELPDESK_RETRY_PAUSE_MS', 5000 );
	plan.impact = {
		commonsApiUrl: env.HELPDESK_COMMONS_API_URL || COMMONS_API_URL,
		wikidataApiUrl: env.HELPDESK_WIKIDATA_API_URL || WIKIDATA_API_URL,
		userAgent: userAgent,
		retryPauseMs: retryPauseMs,
	};
	for ( const [ name, url ] of [ [ 'HELPDESK_COMMONS_API_URL', plan.impact.commonsApiUrl ], [ 'HELPDESK_WIKIDATA_API_URL', plan.impact.wikidataApiUrl ] ] ) {
		if ( !/^https?:\/\/[^\s/]+\/\S*api\.php$/.test( url ) ) {
			throw new ConfigError( name + ' must be the address of a MediaWiki api.php, not "' + url + '"' );
		}
	}
	return {
		plan: plan,
		wiki: {
			apiUrl: apiUrl,
			username: oauth2Token ? undefined : username,
			password: oauth2Token ? undefined : password,
			oauth2Token: oauth2Token,
			userAgent: userAgent,
			editSpacingMs: number( env, 'HELPDESK_EDIT_SPACING_MS', local ? 0 : 2000 ),
			retryPauseMs: retryPauseMs,
			runBudgetSeconds: number( env, 'HELPDESK_RUN_BUDGET_SECONDS', 600 ),
			schedule: schedule,
		},
	};
}
