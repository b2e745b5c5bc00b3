/**
 * Measuring the impact of outcomes, on the APIs of Wikimedia Commons and
 * Wikidata (their addresses are settings: tests use a local wiki for both). For
 * each request due (see `plan/impact.ts`): the files in its Commons category and
 * in its subcategories two levels down (at most MAX_FILES, saying when it stopped
 * there), the pages using them — on every wiki where the Commons API offers
 * `globalusage`, else on the files' own wiki, labelled so, never guessed — and which
 * of the Wikidata items listed exist. A failure of either API is a problem of that
 * request, never of the run: after one failure the API is not asked again in the run.
 */
import { ApiParams, Mwn } from 'mwn';
import type { ImpactApiConfig } from './config';
import type { ApiResponse, HelpdeskWiki } from './wiki';
import {
	CATEGORY_DEPTH, ImpactCandidate, impactCandidate, ImpactEntry, ImpactFigures, impactText, MAX_FILES, measuredEntry, nextCheck,
	planImpact, readImpact, UsageScope,
} from './plan/impact';
import { generatedPage } from './plan/pages';
import type { Attention, GeneratedPage, PageSnapshot, Problem, RequestRecord } from './plan/types';

/** Titles a request for usage carries: short enough for any URL. */
const USAGE_BATCH = 25;
/** Continuations followed per batch of usage: a file used on very many pages makes the count "at least". */
const USAGE_CALLS = 40;

export type ImpactClient = Pick<Mwn, 'request' | 'continuedQueryGen' | 'massQueryGen'>;

export interface ImpactSources {
	commons: ImpactClient;
	wikidata: ImpactClient;
	/** HTTP requests made to both so far. */
	requests: () => number;
}

/** Anonymous mwn clients for the two APIs (reads only; mwn tries a failed read once more). */
export function impactSources( config: ImpactApiConfig ): ImpactSources {
	let requests = 0;
	const client = ( apiUrl: string ): Mwn => {
		const api = new Mwn( {
			apiUrl: apiUrl,
			userAgent: config.userAgent,
			silent: true,
			suppressAPIWarnings: true,
			maxRetries: 1,
			retryPause: config.retryPauseMs,
			defaultParams: { format: 'json', formatversion: '2', maxlag: 5 },
		} );
		api.axiosInstance.interceptors.request.use( ( request ) => {
			requests++;
			return request;
		} );
		return api;
	};
	return { commons: client( config.commonsApiUrl ), wikidata: client( config.wikidataApiUrl ), requests: () => requests };
}

/** The API's explanation or the network's, shortened; never the request (no credentials are sent, but still). */
function reason( error: unknown ): string {
	const info = error && typeof error === 'object' ? ( error as { info?: unknown; code?: unknown } ) : {};
	const text = typeof info.info === 'string' && info.info !== '' ? info.info :
		error instanceof Error ? error.message : String( error );
	const code = typeof info.code === 'string' ? info.code + ': ' : '';
	return ( code + text ).replace( /\s+/g, ' ' ).slice( 0, 200 );
}

interface CategoryCount {
	files: number;
	subcategories: number;
	cut: boolean;
	missing: boolean;
	titles: string[];
}

/** Files of a category and of its subcategories down to CATEGORY_DEPTH, each file and category once. */
async function categoryFiles( api: ImpactClient, category: string ): Promise<CategoryCount> {
	const top = 'Category:' + category;
	const info: ApiResponse = await api.request( { action: 'query', titles: top, prop: 'categoryinfo' } );
	const page = info && info.query && Array.isArray( info.query.pages ) ? info.query.pages[ 0 ] : undefined;
	const files = new Set<string>();
	const seen = new Set<string>( [ top ] );
	const missing = !!page && !!page.missing && !page.categoryinfo;
	const count: CategoryCount = { files: 0, subcategories: 0, cut: false, missing: missing, titles: [] };
	let level = [ top ];
	for ( let depth = 0; depth <= CATEGORY_DEPTH && level.length && !count.cut; depth++ ) {
		const next: string[] = [];
		for ( const title of level ) {
			const members = api.continuedQueryGen( {
				action: 'query', list: 'categorymembers', cmtitle: title, cmtype: depth < CATEGORY_DEPTH ? 'file|subcat' : 'file',
				cmprop: 'title|type', cmlimit: 'max',
			} );
			for await ( const response of members ) {
				const query = response && response.query ? response.query : {};
				for ( const member of Array.isArray( query.categorymembers ) ? query.categorymembers : [] ) {
					if ( !member || typeof member.title !== 'string' ) {
						continue;
					}
					if ( member.type === 'subcat' && !seen.has( member.title ) ) {
						seen.add( member.title );
						next.push( member.title );
					} else if ( member.type === 'file' && !files.has( member.title ) ) {
						if ( files.size >= MAX_FILES ) {
							count.cut = true;
							break;
						}
						files.add( member.title );
					}
				}
				if ( count.cut ) {
					break;
				}
			}
			if ( count.cut ) {
				break;
			}
		}
		count.subcategories += next.length;
		level = next;
	}
	count.files = files.size;
	count.titles = Array.from( files );
	return count;
}

/** Whether the API has `prop=globalusage` (the GlobalUsage extension), from its own description of itself. */
async function offersGlobalUsage( api: ImpactClient ): Promise<boolean> {
	const response: ApiResponse = await api.request( { action: 'paraminfo', modules: 'query+globalusage' } );
	const modules = response && response.paraminfo && Array.isArray( response.paraminfo.modules ) ? response.paraminfo.modules : [];
	return modules.some( ( module: ApiResponse ) => module && module.name === 'globalusage' && !module.missing );
}

interface Usage {
	scope: UsageScope;
	pages: number;
	wikis: number;
	cut: boolean;
}

/**
 * Pages using the files: with globalusage, on every wiki but the files' own (Commons'
 * own galleries are not use); without it, on the files' own wiki (`fileusage`).
 */
async function fileUsage( api: ImpactClient, titles: string[], global: boolean ): Promise<Usage> {
	const pages = new Set<string>();
	const wikis = new Set<string>();
	let cut = false;
	for ( let start = 0; start < titles.length; start += USAGE_BATCH ) {
		const batch = titles.slice( start, start + USAGE_BATCH );
		const query: ApiParams = global ?
			{ action: 'query', prop: 'globalusage', titles: batch, gulimit: 'max', gufilterlocal: true, guprop: 'namespace' } :
			{ action: 'query', prop: 'fileusage', titles: batch, fulimit: 'max', fuprop: 'title' };
		let calls = 0;
		for await ( const response of api.continuedQueryGen( query, USAGE_CALLS ) ) {
			calls++;
			for ( const page of response && response.query && Array.isArray( response.query.pages ) ? response.query.pages : [] ) {
				for ( const use of page && Array.isArray( page[ global ? 'globalusage' : 'fileusage' ] ) ? page[ global ? 'globalusage' : 'fileusage' ] : [] ) {
					if ( use && typeof use.title === 'string' ) {
						const wiki = global && typeof use.wiki === 'string' ? use.wiki : '';
						pages.add( wiki + '\n' + use.title );
						wikis.add( wiki );
					}
				}
			}
			if ( calls >= USAGE_CALLS && response && response.continue ) {
				cut = true;
			}
		}
	}
	return { scope: global ? 'global' : 'same-wiki', pages: pages.size, wikis: pages.size ? wikis.size : 0, cut: cut };
}

/** The item ids that exist on the Wikidata API (a redirect to a merged item counts as the item). */
async function existingItems( api: ImpactClient, ids: string[] ): Promise<string[]> {
	const existing = new Set<string>();
	if ( ids.length === 0 ) {
		return [];
	}
	for await ( const response of api.massQueryGen( { action: 'query', titles: ids.slice(), redirects: true }, 'titles', 50 ) ) {
		const query = response && response.query ? response.query : {};
		const from: Record<string, string> = {};
		for ( const list of [ query.normalized, query.redirects ] ) {
			for ( const step of Array.isArray( list ) ? list : [] ) {
				if ( step && typeof step.from === 'string' && typeof step.to === 'string' ) {
					from[ step.to ] = from[ step.from ] || step.from;
				}
			}
		}
		for ( const page of Array.isArray( query.pages ) ? query.pages : [] ) {
			if ( page && typeof page.title === 'string' && !page.missing && !page.invalid ) {
				existing.add( from[ page.title ] || page.title );
			}
		}
	}
	return ids.filter( ( id ) => existing.has( id ) );
}

/** Measures requests' impact in one run; an API that failed once is not asked again in the run. */
export class ImpactMeter {
	private down: Partial<Record<'commons' | 'wikidata', string>> = {};

	private globalUsage: boolean | null = null;

	public constructor( private readonly sources: ImpactSources ) {}

	private problem( api: 'commons' | 'wikidata', error: unknown ): Problem {
		if ( this.down[ api ] === undefined ) {
			this.down[ api ] = reason( error );
		}
		const name = api === 'commons' ? 'Commons' : 'Wikidata';
		return { code: 'impact-' + api + '-failed', params: [ this.down[ api ] as string ], text: 'The ' + name + ' API could not be read: ' + this.down[ api ] };
	}

	/** What the APIs say of one request's outcomes; never throws. */
	public async measure( candidate: ImpactCandidate ): Promise<ImpactFigures> {
		const figures: ImpactFigures = {
			files: null, filesCut: false, subcategories: null, usage: null, usagePages: null, usageWikis: null,
			items: null, itemsMissing: [], problems: [],
		};
		if ( candidate.category !== '' ) {
			await this.measureCategory( candidate.category, figures );
		}
		if ( candidate.items.length ) {
			if ( this.down.wikidata !== undefined ) {
				figures.problems.push( this.problem( 'wikidata', null ) );
			} else {
				try {
					const existing = await existingItems( this.sources.wikidata, candidate.items );
					figures.items = existing.length;
					figures.itemsMissing = candidate.items.filter( ( id ) => !existing.includes( id ) );
				} catch ( error ) {
					figures.problems.push( this.problem( 'wikidata', error ) );
				}
			}
			if ( figures.itemsMissing.length ) {
				const shown = figures.itemsMissing.slice( 0, 10 ).join( ', ' );
				figures.problems.push( { code: 'impact-missing-items', params: [ shown ], text: 'Items that do not exist on Wikidata: ' + shown } );
			}
		}
		return figures;
	}

	private async measureCategory( category: string, figures: ImpactFigures ): Promise<void> {
		if ( this.down.commons !== undefined ) {
			figures.problems.push( this.problem( 'commons', null ) );
			return;
		}
		const commons = this.sources.commons;
		try {
			const found = await categoryFiles( commons, category );
			figures.files = found.files;
			figures.filesCut = found.cut;
			figures.subcategories = found.subcategories;
			if ( found.missing ) {
				figures.problems.push( { code: 'impact-missing-category', params: [ category ], text: 'The category "' + category + '" does not exist on Commons' } );
			}
			if ( found.cut ) {
				figures.problems.push( { code: 'impact-files-cut', params: [ String( MAX_FILES ) ], text: 'Only the first ' + MAX_FILES + ' files were counted' } );
			}
			if ( this.globalUsage === null ) {
				this.globalUsage = await offersGlobalUsage( commons );
			}
			const usage = await fileUsage( commons, found.titles, this.globalUsage );
			figures.usage = usage.scope;
			figures.usagePages = usage.pages;
			figures.usageWikis = usage.wikis;
			if ( usage.cut ) {
				figures.problems.push( { code: 'impact-usage-cut', params: [], text: 'Some files are used on more pages than were counted' } );
			}
		} catch ( error ) {
			figures.problems.push( this.problem( 'commons', error ) );
		}
	}

	/** Measure every request due, in order; `inTime` may stop the run between two requests. */
	public async measureAll(
		due: ImpactCandidate[], previous: Record<string, ImpactEntry>, now: string, inTime: () => void = () => undefined,
	): Promise<ImpactEntry[]> {
		const entries: ImpactEntry[] = [];
		for ( const candidate of due ) {
			inTime();
			const old = Object.prototype.hasOwnProperty.call( previous, candidate.page ) ? previous[ candidate.page ] : undefined;
			entries.push( measuredEntry( candidate, await this.measure( candidate ), old, now ) );
		}
		return entries;
	}
}

/** What one run did about impact: the data page to save (or none), when to look again, what needs attention. */
export interface ImpactUpdate {
	page: GeneratedPage | null;
	nextCheck: string;
	measured: number;
	attention: Attention[];
}

export interface ImpactRun {
	/** Title of Impact.json. */
	title: string;
	records: RequestRecord[];
	/** The request pages as read, by page id. */
	pages: Map<number, PageSnapshot>;
	/** The bot kept the page before (its state says so): it is written even with no outcomes left. */
	kept: boolean;
	now: string;
	inTime: () => void;
}

/**
 * Read Impact.json, measure the requests due and give the page's new content.
 * With no request having outcomes and no page kept, nothing is read.
 */
export async function updateImpact( wiki: HelpdeskWiki, sources: () => ImpactSources, run: ImpactRun ): Promise<ImpactUpdate> {
	const candidates: ImpactCandidate[] = [];
	for ( const record of run.records ) {
		const page = run.pages.get( record.pageid );
		const candidate = page ? impactCandidate( record, page ) : null;
		if ( candidate ) {
			candidates.push( candidate );
		}
	}
	if ( candidates.length === 0 && !run.kept ) {
		return { page: null, nextCheck: '', measured: 0, attention: [] };
	}
	const saved = ( await wiki.readCompiled( [ run.title ], true ) )[ run.title ];
	const previous = readImpact( saved ? saved.text : null );
	const plan = planImpact( candidates, previous, run.now );
	const measured = plan.due.length ? await new ImpactMeter( sources() ).measureAll( plan.due, previous, run.now, run.inTime ) : [];
	const entries = plan.kept.concat( measured );
	const attention: Attention[] = [];
	for ( const entry of entries ) {
		for ( const problem of entry.problems ) {
			attention.push( { page: entry.page, reason: problem.text, code: problem.code, params: problem.params } );
		}
	}
	return {
		page: Object.assign( generatedPage( run.title, impactText( entries ) ), { contentModel: 'json' as const } ),
		nextCheck: nextCheck( entries ),
		measured: measured.length,
		attention: attention,
	};
}
