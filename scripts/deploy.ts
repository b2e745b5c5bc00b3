/**
 * `npm run deploy [-- --dry-run]`: install the built gadget and the on-wiki pages on
 * the target wiki (the local one unless HELPDESK_DEPLOY_API_URL names another).
 *
 * On a wiki that is not local it refuses a dirty work tree and never edits
 * MediaWiki:Gadgets-definition: it prints the lines for an interface administrator.
 * Text carrying a signature or `{{subst:` outside <nowiki> is never saved anywhere.
 */
import type { Mwn } from 'mwn';
import { onWikiPages, gadgetDefinitionLines, unsafeSignatures } from './onwiki-pages';
import { connect, targetFromEnvironment, TargetWiki } from './lib/target';
import { commitSubjectsSince, dirtyPaths, headCommit } from './lib/git';
import {
	CurrentPage, DeployAction, deployedCommit, deploySummary, mergeGadgetDefinitions, PageToDeploy, planDeploy,
} from './lib/deploy-plan';

const GADGETS_DEFINITION = 'MediaWiki:Gadgets-definition';

export interface DeployOptions {
	dryRun: boolean;
	target: TargetWiki;
	log?: ( line: string ) => void;
}

export interface DeployResult {
	actions: DeployAction[];
	edited: string[];
	summary: string;
}

async function readCurrent( bot: Mwn, titles: string[] ): Promise<Map<string, CurrentPage>> {
	const current = new Map<string, CurrentPage>();
	for ( let i = 0; i < titles.length; i += 50 ) {
		const response = await bot.query( {
			titles: titles.slice( i, i + 50 ),
			prop: 'revisions',
			rvprop: [ 'content', 'comment' ],
			rvslots: 'main',
		} );
		for ( const page of response.query?.pages || [] ) {
			const revision = page.revisions && page.revisions[ 0 ];
			current.set( page.title, revision ?
				{ text: revision.slots?.main.content ?? '', lastSummary: revision.comment } :
				{ text: null } );
		}
	}
	return current;
}

export async function deploy( options: DeployOptions ): Promise<DeployResult> {
	const log = options.log || ( ( line: string ) => console.log( line ) );
	const { target } = options;
	if ( !target.local ) {
		const dirty = dirtyPaths();
		if ( dirty.length ) {
			throw new Error( 'Refusing to deploy to ' + target.apiUrl + ' from a dirty work tree:\n  ' + dirty.join( '\n  ' ) );
		}
	}
	const pages: PageToDeploy[] = await onWikiPages( { distDir: 'dist' } );
	const definitions = await gadgetDefinitionLines();
	const unsafe = pages
		.map( ( page ) => ( { title: page.title, found: unsafeSignatures( page.text ) } ) )
		.filter( ( page ) => page.found.length );
	if ( unsafe.length ) {
		throw new Error( 'Refusing to deploy text that would sign or substitute on save:\n' +
			unsafe.map( ( page ) => '  ' + page.title + ': ' + page.found.join( ', ' ) ).join( '\n' ) );
	}
	const bot = await connect( target );
	const titles = pages.map( ( page ) => page.title );
	if ( target.local ) {
		titles.push( GADGETS_DEFINITION );
	}
	const current = await readCurrent( bot, titles );
	if ( target.local ) {
		const existing = current.get( GADGETS_DEFINITION );
		pages.push( { title: GADGETS_DEFINITION, text: mergeGadgetDefinitions( existing && existing.text || '', definitions ) } );
	}
	const actions = planDeploy( pages, current );
	const commit = headCommit();
	const previous = deployedCommit( titles.map( ( title ) => current.get( title )?.lastSummary ) );
	const summary = deploySummary( commit, previous, previous ? commitSubjectsSince( previous ) : [] );
	const edited: string[] = [];
	for ( const action of actions ) {
		if ( action.change === 'unchanged' ) {
			log( `= ${ action.title } (unchanged)` );
			continue;
		}
		log( `${ action.change === 'create' ? '+' : '~' } ${ action.title } (${ action.change })` );
		if ( options.dryRun ) {
			log( action.diff );
			continue;
		}
		await bot.save( action.title, action.text, summary );
		edited.push( action.title );
	}
	if ( !target.local ) {
		log( '\n' + GADGETS_DEFINITION + ' is not edited on this wiki. An interface administrator should make sure it has these lines:\n\n' + definitions );
	}
	log( `\n${ options.dryRun ? 'Dry run: nothing was changed.' : edited.length + ' page(s) edited.' } Summary: ${ summary }` );
	return { actions: actions, edited: edited, summary: summary };
}

async function main(): Promise<void> {
	const dryRun = process.argv.includes( '--dry-run' );
	await deploy( { dryRun: dryRun, target: targetFromEnvironment() } );
}

if ( import.meta.url === `file://${ process.argv[ 1 ] }` ) {
	main().catch( ( error: Error ) => {
		console.error( 'Deploy failed: ' + error.message );
		process.exitCode = 1;
	} );
}
