/**
 * The request: what an affiliate or volunteer asks the Helpdesk for, with what the
 * Expert Committee needs to triage and prioritise it. One request is one subpage,
 * holding one call of the request template with one parameter per field.
 */
import type { Status, WorkingGroup } from './status';

/** Kinds of support a requester can ask for (several allowed). */
export const SUPPORT_KINDS = [
	'mass-upload',
	'data-upload',
	'copyright',
	'training-material',
	'content-examples',
	'finding-people',
	'technical',
	'other',
] as const;
export type SupportKind = typeof SUPPORT_KINDS[ number ];

/** How far the content partnership has come. */
export const PARTNERSHIP_STAGES = [
	'idea',
	'first-contact',
	'agreement',
	'content-ready',
	'upload-under-way',
] as const;
export type PartnershipStage = typeof PARTNERSHIP_STAGES[ number ];

/** Wikimedia projects the content is meant for. */
export const TARGET_PROJECTS = [
	'commons',
	'wikidata',
	'wikipedia',
	'wikisource',
	'wiktionary',
	'wikibooks',
	'wikiquote',
	'wikiversity',
	'wikivoyage',
	'wikinews',
	'wikispecies',
	'other',
] as const;
export type TargetProject = typeof TARGET_PROJECTS[ number ];

/**
 * A support request. Free-text fields hold exactly what the requester typed;
 * the codec keeps them literal on the wiki.
 */
export interface HelpdeskRequest {
	/** Short title; the subpage name is derived from it. */
	title: string;
	/** User name of the account that filed the request (never typed). */
	requester: string;
	/** When the request was filed, ISO 8601 UTC (`2026-11-21T09:30:00Z`). */
	filed: string;
	/** Language code of the request's text and of notices to the requester. */
	language: string;
	/** Affiliate or organisation; empty when `individual` is true. */
	affiliate: string;
	/** The requester asks as an individual volunteer. */
	individual: boolean;
	/** ISO 3166-1 alpha-2 code of the country the partnership is in. */
	country: string;
	/** Partner institutions, one entry each. */
	partners: string[];
	/** Kinds of support wanted, at least one. */
	support: SupportKind[];
	/** Stage of the partnership. */
	stage: PartnershipStage | '';
	/** Type of content (images, metadata, texts, audio…). */
	contentType: string;
	/** Approximate volume ("about 3,000 images"). */
	volume: string;
	/** Target projects. */
	projects: TargetProject[];
	/** Languages of the content. */
	languages: string[];
	/** Timeline or deadline, as the requester puts it. */
	timeline: string;
	/** What help is needed. */
	description: string;
	/** Links (the partner's site, a project page, a sample…). */
	links: string[];
	/** Where the request is in the Helpdesk process. */
	status: Status;
	/** When the current status was entered, ISO 8601 UTC, or empty if unknown. */
	statusSince: string;
	/** The working group helping, while the status is `working-group`. */
	workingGroup: WorkingGroup | '';
	/**
	 * Outcomes, added once the Helpdesk gives support: a Commons category of the
	 * uploaded files, as typed (`Media from Servier Medical Art`). Absent when empty.
	 */
	outcomeCategory?: string;
	/** Wikidata items created or improved (`Q42`), as typed. Absent when empty. */
	outcomeItems?: string[];
	/** A query.wikidata.org link showing the items, kept as a link. Absent when empty. */
	outcomeQuery?: string;
	/** Pages written or illustrated: links or interwiki text (`w:sv:Servier`), as typed. Absent when empty. */
	outcomePages?: string[];
}

/** The outcome fields: optional, written on the page only when filled. */
export const OUTCOME_FIELDS = [ 'outcomeCategory', 'outcomeItems', 'outcomeQuery', 'outcomePages' ] as const;
export type OutcomeField = typeof OUTCOME_FIELDS[ number ];

/** Fields the requester fills in on the form. */
export type RequestFormFields = Pick<HelpdeskRequest,
'title' | 'affiliate' | 'individual' | 'country' | 'partners' | 'support' | 'stage' |
'contentType' | 'volume' | 'projects' | 'languages' | 'timeline' | 'description' | 'links'>;

/** Upper bounds that keep a request page readable and within MediaWiki's limits. */
export const LIMITS = {
	title: 120,
	shortText: 255,
	description: 20000,
	listEntries: 50,
	/** A query.wikidata.org link holds its whole query: longer than other links. */
	queryLink: 4000,
} as const;

/** A request with every field at its empty value, filed now by `requester`. */
export function emptyRequest( requester: string, filed: string, language: string ): HelpdeskRequest {
	return {
		title: '',
		requester: requester,
		filed: filed,
		language: language,
		affiliate: '',
		individual: false,
		country: '',
		partners: [],
		support: [],
		stage: '',
		contentType: '',
		volume: '',
		projects: [],
		languages: [],
		timeline: '',
		description: '',
		links: [],
		status: 'submitted',
		statusSince: filed,
		workingGroup: '',
	};
}
