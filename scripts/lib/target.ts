/**
 * The wiki that `npm run deploy` and `npm run import` write to: the local wiki of
 * `npm run wiki` unless the environment names another one.
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Mwn } from 'mwn';
import { localWikiDir } from '../local-wiki/location';

export interface TargetWiki {
	apiUrl: string;
	/** True for the local wiki of `npm run wiki` (or a test wiki on 127.0.0.1). */
	local: boolean;
	username?: string;
	password?: string;
	oauth2Token?: string;
}

const PACKAGE = JSON.parse( readFileSync( new URL( '../../package.json', import.meta.url ), 'utf8' ) ) as {
	name: string; version: string;
};

/** Wikimedia's User-Agent policy: name the tool, its version and a contact. */
export const USER_AGENT = `HelpdeskTools/${ PACKAGE.version } (https://meta.wikimedia.org/wiki/Content_Partnerships_Hub/Helpdesk; helpdesk@wikimedia.se) mwn`;

interface LocalCredentials {
	apiUrl: string;
	admin: { botUsername: string; botPassword: string };
}

/**
 * Read the target from `HELPDESK_DEPLOY_API_URL` with `HELPDESK_DEPLOY_USERNAME` +
 * `HELPDESK_DEPLOY_PASSWORD` (a bot password) or `HELPDESK_DEPLOY_OAUTH2_TOKEN`;
 * otherwise the local wiki's interface-admin bot password from its credentials file
 * (in `HELPDESK_WIKI_DIR`, `.wiki/` by default).
 */
export function targetFromEnvironment( env: NodeJS.ProcessEnv = process.env, wikiDir = localWikiDir( env ) ): TargetWiki {
	if ( env.HELPDESK_DEPLOY_API_URL ) {
		const apiUrl = env.HELPDESK_DEPLOY_API_URL;
		const token = env.HELPDESK_DEPLOY_OAUTH2_TOKEN;
		if ( !token && !( env.HELPDESK_DEPLOY_USERNAME && env.HELPDESK_DEPLOY_PASSWORD ) ) {
			throw new Error( 'HELPDESK_DEPLOY_API_URL is set, but neither HELPDESK_DEPLOY_OAUTH2_TOKEN nor HELPDESK_DEPLOY_USERNAME and HELPDESK_DEPLOY_PASSWORD are.' );
		}
		return {
			apiUrl: apiUrl,
			local: /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test( apiUrl ),
			username: env.HELPDESK_DEPLOY_USERNAME,
			password: env.HELPDESK_DEPLOY_PASSWORD,
			oauth2Token: token,
		};
	}
	const file = resolve( wikiDir, 'credentials.json' );
	if ( !existsSync( file ) ) {
		throw new Error( `No target wiki: set HELPDESK_DEPLOY_API_URL, or start the local wiki with "npm run wiki -- start" (${ file } is missing; HELPDESK_WIKI_DIR names its folder).` );
	}
	const credentials = JSON.parse( readFileSync( file, 'utf8' ) ) as LocalCredentials;
	return {
		apiUrl: credentials.apiUrl,
		local: true,
		username: credentials.admin.botUsername,
		password: credentials.admin.botPassword,
	};
}

/** Log in to the target, with maxlag and the project's User-Agent. */
export async function connect( target: TargetWiki ): Promise<Mwn> {
	const options = {
		apiUrl: target.apiUrl,
		userAgent: USER_AGENT,
		silent: true,
		maxRetries: 3,
		defaultParams: { maxlag: 5, assert: 'user', formatversion: 2 },
	};
	if ( target.oauth2Token ) {
		const bot = new Mwn( { ...options, OAuth2AccessToken: target.oauth2Token } );
		await bot.getSiteInfo();
		await bot.getTokens();
		return bot;
	}
	return Mwn.init( { ...options, username: target.username, password: target.password } );
}
