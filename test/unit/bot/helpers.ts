/**
 * Shared set-up for the bot's tests: realistic request pages, the committee page
 * fixture, and one bot run against the in-memory wiki.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PLAN_CONFIG, PlanConfig } from '../../../bot/config';
import { readExportPage, readExportPart } from '../../../bot/plan/pages';
import type { ImpactSources } from '../../../bot/impact';
import { RunReport, runOnce } from '../../../bot/run';
import { HelpdeskWiki, WikiSite } from '../../../bot/wiki';
import { renderRequestPage } from '../../../shared/codec';
import { DEFAULT_SETTINGS, ProcessSettings, settingsText } from '../../../shared/settings';
import type { HelpdeskRequest } from '../../../shared/request';
import { fakeClient, InMemoryActionApi } from './fake-api';
import { sampleRequest } from '../../../scripts/lib/sample-request';

export const PAGES = DEFAULT_PLAN_CONFIG.pages;
export const PREFIX = PAGES.requestsPrefix;

export function fixture( name: string ): string {
	return readFileSync( join( __dirname, '..', '..', 'fixtures', 'bot', name ), 'utf8' );
}

/** The wikitext of a request page as the gadget writes it. */
export function requestText( fields: Partial<HelpdeskRequest> ): string {
	const request = sampleRequest( {
		title: 'Mass upload of the Kumasi cultural centre photo archive',
		requester: 'Kofi Mensah',
		filed: '2026-03-01T09:00:00Z',
		...fields,
	} );
	if ( !fields.statusSince ) {
		request.statusSince = request.filed;
	}
	return renderRequestPage( request );
}

/** A wiki with the shutoff page saying "run" and the committee fixture. */
export function makeWiki(): InMemoryActionApi {
	const wiki = new InMemoryActionApi();
	wiki.setClock( '2026-02-01T08:00:00Z' );
	wiki.save( PAGES.shutoff, 'run', 'Admin' );
	wiki.save( PAGES.committee, fixture( 'committee.wiki' ), 'Admin' );
	// The committee members, the staff and the requesters of these tests have accounts.
	[ 'Amara Okafor', 'Björn Lindqvist', 'Chen Wei', 'Diego Fernández', 'Eliška Nováková', 'Farah Haddad', 'Gaurav Mehta', 'Hana Sato',
		'Kofi Mensah', 'Ngozi Eze', 'Helpdesk staff', 'Working group contact' ].forEach( ( name ) => wiki.accounts.add( name ) );
	for ( let i = 1; i <= 100; i++ ) {
		wiki.accounts.add( 'Member ' + i );
	}
	wiki.setClock( '2026-03-01T09:00:00Z' );
	return wiki;
}

export function site( config: PlanConfig = DEFAULT_PLAN_CONFIG ): WikiSite {
	return { plan: config, requestsNamespace: 0, requestsPrefixText: config.pages.requestsPrefix, namespaces: [ 0, 3 ] };
}

export interface RunSettings {
	dryRun?: boolean;
	full?: boolean;
	config?: PlanConfig;
	budgetMs?: number;
	/** The clock moves by this many milliseconds each time the bot reads it. */
	msPerTick?: number;
	/** Stand-ins for the Commons and Wikidata APIs. */
	impact?: ImpactSources;
}

/** One run of the bot against the in-memory Action API, at its clock. */
export async function runBot( wiki: InMemoryActionApi, settings: RunSettings = {} ): Promise<RunReport> {
	const layer = new HelpdeskWiki( fakeClient( wiki ), site( settings.config ), () => 'token+\\' );
	const start = wiki.requests.length;
	let elapsed = 0;
	return runOnce( layer, {
		plan: settings.config || DEFAULT_PLAN_CONFIG,
		editSpacingMs: 0,
		budgetMs: settings.budgetMs,
		dryRun: !!settings.dryRun,
		forceFullScan: settings.full,
		now: () => new Date( Date.parse( wiki.clock ) + ( elapsed += settings.msPerTick || 0 ) ),
		sleep: async () => undefined,
		requestCount: () => wiki.requests.length - start,
		impact: settings.impact,
	} );
}

/** How often each user was mentioned by the bot, over all its edits. */
export function mentionCounts( wiki: InMemoryActionApi ): Record<string, number> {
	const counts: Record<string, number> = {};
	wiki.botRevisions().filter( ( revision ) => revision.title.indexOf( PREFIX ) === 0 ).forEach( ( revision ) => {
		// A sign-off line the bot marked keeps the signature of whoever wrote it: no mention by the bot.
		const added = revision.added.split( '\n' ).filter( ( line ) => !line.includes( '{{Helpdesk sign-off' ) ).join( '\n' );
		const links = added.match( /\[\[User:([^|\]]+)\|/g ) || [];
		links.map( ( link ) => link.slice( 7, -1 ) ).filter( ( name ) => name !== wiki.botName ).forEach( ( name ) => {
			counts[ name ] = ( counts[ name ] || 0 ) + 1;
		} );
	} );
	return counts;
}

/** The configuration with a small page size limit, and the in-memory Action API refusing anything larger. */
export function smallPages( wiki: InMemoryActionApi, maxPageBytes: number ): PlanConfig {
	wiki.maxArticleBytes = maxPageBytes;
	return Object.assign( {}, DEFAULT_PLAN_CONFIG, { maxPageBytes: maxPageBytes } );
}

/** A request as the data pages hold it: empty values left out. */
export interface RequestData {
	page: string;
	status?: string;
	problem?: string;
	[ key: string ]: unknown;
}

/** Every request in the JSON export, following its main page's list of other pages. */
export function exportedRequests( wiki: InMemoryActionApi, config: PlanConfig = DEFAULT_PLAN_CONFIG ): RequestData[] {
	const main = readExportPage( wiki.text( config.pages.export ) );
	if ( !main ) {
		throw new Error( 'No export page of this schema' );
	}
	return main.requests.concat( ...main.pages.map( ( entry ) => readExportPart( wiki.text( entry.title ), config.pages.export ) || [] ) ) as RequestData[];
}

/** Pages the bot owns, with their sizes in bytes. */
export function botPageSizes( wiki: InMemoryActionApi ): Record<string, number> {
	const sizes: Record<string, number> = {};
	wiki.pages.forEach( ( page, title ) => {
		if ( title.indexOf( PREFIX ) !== 0 && page.revisions[ page.revisions.length - 1 ].user === wiki.botName && !/^User talk:/.test( title ) ) {
			sizes[ title ] = Buffer.byteLength( wiki.text( title ), 'utf8' );
		}
	} );
	return sizes;
}

/** The committee members of the fixture who sign off in the tests (Chen Wei is away in March 2026). */
export const SIGNING_MEMBERS = [ 'Amara Okafor', 'Diego Fernández', 'Eliška Nováková', 'Gaurav Mehta', 'Hana Sato' ];

/** A sign-off added to the page by `by` (the member named, unless forged). */
export function addSignOff( wiki: InMemoryActionApi, title: string, kind: 'feedback' | 'final-go', member: string, decision = '', by = member ): void {
	wiki.save( title, wiki.text( title ) + '\n{{Helpdesk sign-off|kind=' + kind + ( decision ? '|decision=' + decision : '' ) + '|member=' + member + '}} ~~~~', by );
}

/** The sign-offs that bear out a decision under the default quorums: 3 initial feedback, then 5 final go. */
export function signOffQuorum( wiki: InMemoryActionApi, title: string, decision: 'yes' | 'no' = 'yes' ): void {
	SIGNING_MEMBERS.slice( 0, 3 ).forEach( ( member ) => addSignOff( wiki, title, 'feedback', member ) );
	SIGNING_MEMBERS.forEach( ( member ) => addSignOff( wiki, title, 'final-go', member, decision ) );
}

/** A data page the bot wrote, parsed. */
export function dataPage( wiki: InMemoryActionApi, title: string ): Record<string, unknown> & { requests?: Record<string, unknown>[] } {
	return JSON.parse( wiki.text( title ) ) as Record<string, unknown>;
}

/** The process settings saved on the wiki's settings page, as a person would. */
export function saveSettings( wiki: InMemoryActionApi, settings: Partial<ProcessSettings>, user = 'Admin' ): void {
	wiki.save( PAGES.settings, settingsText( Object.assign( {}, DEFAULT_SETTINGS, settings ) ), user );
}
