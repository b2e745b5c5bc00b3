/**
 * Stand-ins for the Commons and Wikidata APIs, as mwn clients: categories, file
 * usage and pages of a site held in memory; and an API nobody answers.
 */
import type { ApiParams } from 'mwn';
import type { ImpactClient } from '../../../bot/impact';

export type Response = Record<string, unknown>;

/** A wiki's categories (members: `File:…` or `Category:…`), file usage and existing pages. */
export interface Site {
	categories: Record<string, string[]>;
	usage: Record<string, { wiki: string; title: string }[]>;
	pages: string[];
	redirects?: Record<string, string>;
	globalUsage: boolean;
	/** Members per categorymembers answer, to exercise continuation. */
	pageSize?: number;
}

function titlesOf( params: ApiParams ): string[] {
	const titles = params.titles;
	return Array.isArray( titles ) ? titles.map( String ) : String( titles ).split( '|' );
}

export function fakeClient( site: Site, asked: ApiParams[] ): ImpactClient {
	const answer = ( params: ApiParams ): Response => {
		asked.push( params );
		if ( params.action === 'paraminfo' ) {
			return { paraminfo: { modules: site.globalUsage ? [ { name: 'globalusage' } ] : [] } };
		}
		if ( params.list === 'categorymembers' ) {
			const members = site.categories[ String( params.cmtitle ) ] || [];
			const types = String( params.cmtype ).split( '|' );
			const wanted = members.filter( ( title ) => types.includes( title.indexOf( 'File:' ) === 0 ? 'file' : 'subcat' ) );
			const from = Number( params.cmcontinue || 0 );
			const size = site.pageSize || 500;
			const part = wanted.slice( from, from + size ).map( ( title ) => ( { title: title, type: title.indexOf( 'File:' ) === 0 ? 'file' : 'subcat' } ) );
			const response: Response = { query: { categorymembers: part } };
			if ( from + size < wanted.length ) {
				response.continue = { cmcontinue: String( from + size ), continue: '-||' };
			}
			return response;
		}
		if ( params.prop === 'categoryinfo' ) {
			const title = titlesOf( params )[ 0 ];
			return { query: { pages: [ site.categories[ title ] ? { title: title, categoryinfo: {} } : { title: title, missing: true } ] } };
		}
		if ( params.prop === 'globalusage' || params.prop === 'fileusage' ) {
			const key = params.prop;
			return { query: { pages: titlesOf( params ).map( ( title ) => ( {
				title: title,
				[ key ]: ( site.usage[ title ] || [] ).map( ( use ) => key === 'globalusage' ? use : { title: use.title } ),
			} ) ) } };
		}
		// Items: pages titled by their ids.
		const redirects = site.redirects || {};
		const titles = titlesOf( params );
		return { query: {
			redirects: titles.filter( ( title ) => redirects[ title ] ).map( ( title ) => ( { from: title, to: redirects[ title ] } ) ),
			pages: titles.map( ( title ) => redirects[ title ] || title ).map( ( title ) => site.pages.includes( title ) ? { title: title } : { title: title, missing: true } ),
		} };
	};
	return {
		request: async ( params: ApiParams ) => answer( params ),
		continuedQueryGen: async function* ( query: ApiParams, limit = Infinity ) {
			let next: Response = { continue: {} };
			for ( let i = 0; i < limit && next.continue; i++ ) {
				next = answer( Object.assign( {}, query, next.continue as ApiParams ) );
				yield next;
			}
		},
		massQueryGen: async function* ( query: ApiParams, field = 'titles', size = 50 ) {
			const values = query[ field ] as string[];
			for ( let i = 0; i < values.length; i += size ) {
				yield answer( Object.assign( {}, query, { [ field ]: values.slice( i, i + size ) } ) );
			}
		},
	} as unknown as ImpactClient;
}

export function failingClient( asked: ApiParams[] ): ImpactClient {
	const fail = ( params: ApiParams ): Promise<never> => {
		asked.push( params );
		return Promise.reject( Object.assign( new Error( 'connect ECONNREFUSED 127.0.0.1:9' ), { code: 'ECONNREFUSED' } ) );
	};
	return {
		request: fail,
		continuedQueryGen: async function* ( query: ApiParams ) {
			yield await fail( query );
		},
		massQueryGen: async function* ( query: ApiParams ) {
			yield await fail( query );
		},
	} as unknown as ImpactClient;
}

/** `n` file titles. */
export const files = ( prefix: string, n: number ): string[] => Array.from( { length: n }, ( _, i ) => 'File:' + prefix + ' ' + ( i + 1 ) + '.png' );
