import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as acorn from 'acorn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT, buildBot, packageName, ROOT, runtimeDependencies } from '../../../scripts/build';
import { freePort } from '../../../scripts/local-wiki/ports';

/**
 * The bot as production runs it: dist/bot.mjs copied into a folder with a
 * package.json of the runtime dependencies alone and the node_modules that
 * `npm ci --omit=dev` installs from the lock file (the packages it does not mark
 * `dev`, copied from this checkout), run by plain node.
 */
let app: string;
let bundle: string;
let imports: string[];

interface Lock {
	packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
}

/** node_modules/… paths of the lock file that `npm ci --omit=dev` installs, top-level ones only (nested ones come with them). */
function productionPackages(): string[] {
	const lock = JSON.parse( readFileSync( join( ROOT, 'package-lock.json' ), 'utf8' ) ) as Lock;
	// eslint-disable-next-line security/detect-unsafe-regex -- anchored, the scope ends at a fixed /
	const topLevel = /^node_modules\/(@[^/]+\/)?[^/]+$/;
	return Object.keys( lock.packages ).filter( ( path ) => path !== '' && !lock.packages[ path ].dev && !lock.packages[ path ].devOptional &&
		topLevel.test( path ) );
}

function run( args: string[], env: Record<string, string> = {} ): { status: number | null; stdout: string; stderr: string } {
	// Only PATH of this environment: no NODE_OPTIONS (a loader such as tsx), no HELPDESK_* settings.
	const result = spawnSync( process.execPath, [ join( app, 'dist', BOT.name ) ].concat( args ), {
		cwd: app,
		env: Object.assign( { PATH: process.env.PATH || '' }, env ),
		encoding: 'utf8',
		timeout: 60000,
	} );
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll( async () => {
	app = mkdtempSync( join( tmpdir(), 'helpdesk-bot-' ) );
	imports = ( await buildBot( join( app, 'dist' ) ) ).imports;
	bundle = readFileSync( join( app, 'dist', BOT.name ), 'utf8' );
	const pkg = JSON.parse( readFileSync( join( ROOT, 'package.json' ), 'utf8' ) ) as { name: string; type: string; dependencies: Record<string, string> };
	writeFileSync( join( app, 'package.json' ), JSON.stringify( { name: pkg.name, private: true, type: pkg.type, dependencies: pkg.dependencies }, null, '\t' ) );
	productionPackages().forEach( ( path ) => {
		mkdirSync( dirname( join( app, path ) ), { recursive: true } );
		cpSync( join( ROOT, path ), join( app, path ), { recursive: true, dereference: true } );
	} );
}, 60000 );

afterAll( () => {
	rmSync( app, { recursive: true, force: true } );
} );

describe( 'the bot bundle', () => {
	it( 'is one ES module for Node 20 with its own copy of the message files', () => {
		expect( bundle.startsWith( '#!/usr/bin/env node\n// Built from commit ' ) ).toBe( true );
		expect( () => acorn.parse( bundle, { ecmaVersion: 2023, sourceType: 'module', allowHashBang: true } ) ).not.toThrow();
		const en = JSON.parse( readFileSync( join( ROOT, 'bot/i18n/en.json' ), 'utf8' ) ) as Record<string, string>;
		const key = Object.keys( en ).find( ( name ) => name.startsWith( 'helpdesk-bot-' ) )!;
		expect( bundle ).toContain( key );
	} );

	it( 'imports nothing but Node built-ins and the runtime dependencies', () => {
		const program = acorn.parse( bundle, { ecmaVersion: 2023, sourceType: 'module', allowHashBang: true } );
		const found: string[] = [];
		const visit = ( node: unknown ): void => {
			if ( Array.isArray( node ) ) {
				node.forEach( visit );
				return;
			}
			if ( !node || typeof node !== 'object' ) {
				return;
			}
			const record = node as Record<string, unknown> & { type?: string };
			const source = record.source as { value?: unknown } | undefined;
			if ( ( record.type === 'ImportDeclaration' || record.type === 'ExportAllDeclaration' || record.type === 'ExportNamedDeclaration' ) && source ) {
				found.push( String( source.value ) );
			}
			if ( record.type === 'ImportExpression' ) {
				const argument = record.source as { type: string; value?: unknown };
				found.push( argument.type === 'Literal' ? String( argument.value ) : '(computed)' );
			}
			if ( record.type === 'CallExpression' && ( record.callee as { name?: string } ).name === 'require' ) {
				const argument = ( record.arguments as { type: string; value?: unknown }[] )[ 0 ];
				found.push( argument && argument.type === 'Literal' ? String( argument.value ) : '(computed)' );
			}
			Object.keys( record ).forEach( ( key ) => visit( record[ key ] ) );
		};
		visit( program );
		const runtime = runtimeDependencies();
		expect( runtime ).toEqual( [ 'banana-i18n', 'diff', 'mwn', 'node-cron' ] );
		expect( found.length ).toBeGreaterThan( 0 );
		expect( found.filter( ( specifier ) => !isBuiltin( specifier ) && !runtime.includes( packageName( specifier ) ) ) ).toEqual( [] );
		expect( [ ...new Set( found ) ].sort() ).toEqual( [ ...new Set( imports ) ].sort() );
	} );

	it( 'has the versions built in rather than reading package.json', () => {
		expect( bundle ).not.toContain( 'package.json' );
		const version = ( JSON.parse( readFileSync( join( ROOT, 'package.json' ), 'utf8' ) ) as { version: string } ).version;
		expect( bundle ).toContain( JSON.stringify( version ) );
	} );

	it( 'runs where only the runtime dependencies are installed', () => {
		expect( existsSync( join( app, 'node_modules', 'mwn' ) ) ).toBe( true );
		[ 'tsx', 'esbuild', 'typescript', 'vitest' ].forEach( ( name ) => {
			expect( existsSync( join( app, 'node_modules', name ) ), name ).toBe( false );
		} );
		const help = run( [ '--help' ] );
		expect( help.stderr ).toBe( '' );
		expect( help.stdout ).toMatch( /^Usage: node dist\/bot\.mjs / );
		expect( help.status ).toBe( 0 );
	} );

	it( 'stops with exit code 2 when the wiki cannot be reached', async () => {
		const apiUrl = 'http://127.0.0.1:' + await freePort() + '/w/api.php';
		const result = run( [ '--once' ], {
			HELPDESK_API_URL: apiUrl,
			HELPDESK_BOT_USERNAME: 'Helpdesk bot@test',
			HELPDESK_BOT_PASSWORD: 'not-a-secret',
			HELPDESK_RETRY_PAUSE_MS: '0',
		} );
		expect( result.stdout ).toBe( '' );
		expect( result.stderr ).toContain( 'Could not connect to ' + apiUrl + ': ' );
		expect( result.stderr ).not.toContain( 'not-a-secret' );
		expect( result.stderr ).not.toMatch( /tsx|\.ts:\d/ );
		expect( result.status ).toBe( 2 );
	}, 60000 );
} );
