-- Readable labels for the codes on a Helpdesk request page (kinds of support,
-- stage of the partnership, target projects, working group), for
-- [[Template:Helpdesk request]]. Wikitext alone cannot split the comma-separated
-- code lists that the request form writes, hence this module.
--
-- The codes are those of the request form and the Helpdesk bot; a code added
-- there needs a label here. The labels here are the form's English ones; on a
-- request page they are shown in the reader's language from the messages
-- (`helpdesk-request-support-…`, `-stage-…`, `-project-…`, the form's own
-- translations), working groups by their names in the settings.
--
--   {{#invoke:Helpdesk request|labels|support|mass-upload, copyright}}
--     → Mass upload of media files, Copyright and licensing
--   {{#invoke:Helpdesk request|labels|stage|content-ready}}
--     → Content ready
--   {{#invoke:Helpdesk request|labels|working_group|project planning}}
--     → Project planning and feedback
--   {{#invoke:Helpdesk request|lines|{{{description}}}}}
--     → the text with its line breaks kept
--   {{#invoke:Helpdesk request|links|{{{links}}}}}
--     → the list of links: each well-formed http(s) URL an external link, the
--       rest as text
--
-- The texts of the request page, the status badge, the sign-offs and the
-- recommendations are messages, in the reader's language (see "Messages" below):
--   {{#invoke:Helpdesk request|msg|field-requester|{{{language|}}}}}
--     → "Requester" (key without `helpdesk-request-`; then the request's language;
--       more positional arguments are $1, $2… as wikitext; text1=, text2=… are
--       $1, $2… as typed text, shown escaped)
--   {{#invoke:Helpdesk request|attrs|{{{language|}}}}}  → lang="sv" dir="ltr"
--   {{#invoke:Helpdesk request|date|{{{filed}}}|{{{language|}}}}}  → 2 mars 2026
--   {{#invoke:Helpdesk request|languageName|{{{language}}}}}  → svenska (<code>sv</code>)
--   {{#invoke:Helpdesk request|status|on-hold|On hold|lang=…}}  → the badge's label
--   {{#invoke:Helpdesk request|statusTitle|on-hold|lang=…}}  → the badge's tooltip
--   {{#invoke:Helpdesk request|next|on-hold|{{{language|}}}}}  → the "What happens next" box
--   {{#invoke:Helpdesk request|country|GH|both|lang={{{language|}}}}}  → Ghana (Africa)
--   {{#invoke:Helpdesk request|outcomes|{{{language|}}}|category=…|items=…|query=…|pages=…}}
--     → the box "Outcomes" with the figures the bot counted (Impact.json)
--   The "What happens next" box of a request awaiting the Expert Committee ends with
--   the bot's routing hints (Routing.json): the working group and the people of the
--   volunteers' page who could help, with the reasons; nobody is notified.

local p = {}

-- mw.loadJsonData of a page, with pcall. A page that cannot be read (not there
-- yet, or not JSON) still becomes a dependency of the page shown (a templatelink,
-- through getContent), so that the view is rendered again once the page is
-- created or corrected instead of staying cached without it.
-- Module:Helpdesk views loads its pages with it too.
function p.loadJson( title )
	local ok, data = pcall( mw.loadJsonData, title )
	if not ok then
		pcall( function ()
			local page = mw.title.new( title )
			return page and page:getContent()
		end )
	end
	return ok, data
end
local loadJson = p.loadJson

p.LABELS = {
	support = {
		['mass-upload'] = 'Mass upload of media files',
		['data-upload'] = 'Data upload and Wikidata',
		['copyright'] = 'Copyright and licensing',
		['training-material'] = 'Presentation and training material',
		['content-examples'] = 'Examples for a type of content',
		['finding-people'] = 'Finding the right people',
		['technical'] = 'Technical help',
		['other'] = 'Something else',
	},
	stage = {
		['idea'] = 'An idea',
		['first-contact'] = 'First contact with the partner',
		['agreement'] = 'Agreement in place',
		['content-ready'] = 'Content ready',
		['upload-under-way'] = 'Upload under way',
	},
	projects = {
		['commons'] = 'Wikimedia Commons',
		['wikidata'] = 'Wikidata',
		['wikipedia'] = 'Wikipedia',
		['wikisource'] = 'Wikisource',
		['wiktionary'] = 'Wiktionary',
		['wikibooks'] = 'Wikibooks',
		['wikiquote'] = 'Wikiquote',
		['wikiversity'] = 'Wikiversity',
		['wikivoyage'] = 'Wikivoyage',
		['wikinews'] = 'Wikinews',
		['wikispecies'] = 'Wikispecies',
		['other'] = 'Another project',
	},
	working_group = {
		['communication'] = 'Communication',
		['project-planning'] = 'Project planning and feedback',
		['implementation'] = 'Implementation',
		['evaluation'] = 'Evaluation and research',
		['content-use'] = 'Use of the content',
		['supporting-material'] = 'Creation of supporting material',
	},
}

local function trim( text )
	return ( text:gsub( '^%s+', '' ):gsub( '%s+$', '' ) )
end

-- The code typed as `Mass upload`, `mass_upload` or `MASS-UPLOAD` is `mass-upload`,
-- as the request form and the bot read it.
local function codeKey( text )
	return ( trim( text ):lower():gsub( '[%s_]+', '-' ) )
end

-- Working groups are also recognised by the start of their name
-- (`project planning and feedback`), as the bot does.
local function workingGroupKey( text )
	local key = ( trim( text ):lower():gsub( '[%s_%-]+', ' ' ) )
	for code in pairs( p.LABELS.working_group ) do
		local codeWords = code:gsub( '%-', ' ' )
		if key == codeWords or key:sub( 1, #codeWords + 1 ) == codeWords .. ' ' then
			return code
		end
	end
	return codeKey( text )
end

-- What someone wrote that is not a known code is shown as written, marked.
local function unknown( typed, messages )
	local title = messages and messages:raw( 'unknown-code' ) or 'Not a code the Helpdesk knows'
	title = title:gsub( '[<>&"]', function ( ch )
		return '&#' .. ch:byte() .. ';'
	end )
	return '<span class="helpdesk-unknown-code" title="' .. title .. '">'
		.. mw.text.nowiki( typed ) .. ' (?)</span>'
end

-- The message of each set's labels (working groups are named in the settings).
local LABEL_MESSAGES = { support = 'support-', stage = 'stage-', projects = 'project-' }

-- Labels of the codes in `text`, in the order written, each once; in the language
-- of `messages` when given (see Messages below), otherwise in English.
function p.render( set, text, messages )
	local labels = p.LABELS[ set ]
	if not labels then
		error( 'Unknown set of codes: ' .. tostring( set ) )
	end
	local shown, seen = {}, {}
	-- Character references first, as the bot reads them: their `;` separates nothing.
	for typed in mw.text.decode( text or '' ):gmatch( '[^,;\n%*]+' ) do
		if trim( typed ) ~= '' then
			local code = set == 'working_group' and workingGroupKey( typed ) or codeKey( typed )
			if not seen[ code ] then
				seen[ code ] = true
				local label = labels[ code ] and messages and messages:label( set, code ) or labels[ code ]
				table.insert( shown, label or unknown( trim( typed ), messages ) )
			end
		end
	end
	return table.concat( shown, ', ' )
end

-- `{{#invoke:Helpdesk request|labels|set|codes}}`, in the reader's language, then
-- the language of the request whose template calls it.
function p.labels( frame )
	local messages
	if mw.loadJsonData and frame.preprocess then
		local parent = frame.getParent and frame:getParent()
		messages = p.messages( frame, parent and parent.args and parent.args.language or nil )
	end
	return p.render( trim( frame.args[ 1 ] or '' ), frame.args[ 2 ], messages )
end

-- Free text as the requester typed it: each line break shows as one, a blank line
-- starts a new paragraph (wikitext would join the lines of a paragraph).
function p.lines( frame )
	local paragraphs = {}
	for paragraph in ( trim( frame.args[ 1 ] or '' ) .. '\n\n' ):gmatch( '(.-)\n[ \t]*\n%s*' ) do
		table.insert( paragraphs, ( paragraph:gsub( '\n', '<br />' ) ) )
	end
	return table.concat( paragraphs, '\n\n' )
end

-- Links --------------------------------------------------------------------
--
-- The request form stores each link as text, its special characters as
-- character references (`https&#58;//…`), so that nothing typed can become
-- structure. Here each entry is decoded, and only a well-formed http(s) URL is
-- written back as an external link, `[URL label]`, with every character that
-- could mean something else to the parser escaped again; anything else is
-- shown as the text it is.

local NAMED = { amp = '&', lt = '<', gt = '>', quot = '"', apos = "'", nbsp = '\194\160' }

local function utf8Char( code )
	if code < 0x80 then
		return string.char( code )
	elseif code < 0x800 then
		return string.char( 0xC0 + math.floor( code / 0x40 ), 0x80 + code % 0x40 )
	elseif code < 0x10000 then
		return string.char( 0xE0 + math.floor( code / 0x1000 ), 0x80 + math.floor( code / 0x40 ) % 0x40, 0x80 + code % 0x40 )
	end
	return string.char( 0xF0 + math.floor( code / 0x40000 ), 0x80 + math.floor( code / 0x1000 ) % 0x40,
		0x80 + math.floor( code / 0x40 ) % 0x40, 0x80 + code % 0x40 )
end

local function decodedCode( code, whole )
	if not code or code > 0x10FFFF or ( code >= 0xD800 and code <= 0xDFFF ) then
		return whole
	end
	return utf8Char( code )
end

-- Character references to characters, as the codec reads them (shared/title-text.ts):
-- `&#NN;`, `&#xHH;` and a few named ones; others stay as written.
function p.decodeReferences( text )
	return ( text:gsub( '&(#?[xX]?)(%w+);', function ( kind, body )
		local whole = '&' .. kind .. body .. ';'
		if kind == '#' then
			return body:match( '^%d+$' ) and decodedCode( tonumber( body ), whole ) or whole
		elseif kind == '#x' or kind == '#X' then
			return body:match( '^%x+$' ) and decodedCode( tonumber( body, 16 ), whole ) or whole
		elseif kind == '' then
			return NAMED[ body ] or whole
		end
		return whole
	end ) )
end

-- Characters that could be markup anywhere in a line, as references.
local TEXT_SPECIAL = '[&<>%[%]{}|\'"=~_:*#;!%z\1-\31\127]'

-- Any text as text: nothing in it is markup.
function p.escapeText( text )
	local escaped = text:gsub( TEXT_SPECIAL, function ( ch )
		return '&#' .. ch:byte() .. ';'
	end )
	-- `ISBN 123`, `RFC 123`, `PMID 123` link themselves: break the word.
	escaped = escaped:gsub( '%a+', function ( word )
		local upper = word:upper()
		for _, magic in ipairs( { 'ISBN', 'RFC', 'PMID' } ) do
			if upper == magic then
				return word:sub( 1, -2 ) .. '&#' .. word:byte( -1 ) .. ';'
			end
		end
		return word
	end )
	return escaped
end

-- Bytes of characters a URL must not hold: spaces and controls (ASCII and
-- Unicode), quotes, brackets and what else ends or changes an external link.
local URL_FORBIDDEN_ASCII = '[%z\1-\32\127%[%]<>"\'{}|\\%^`]'
local URL_FORBIDDEN_UTF8 = {
	'\194[\128-\160]', -- C1 controls, no-break space
	'\225\154\128', -- ogham space
	'\226\128[\128-\143]', -- en quad … right-to-left mark
	'\226\128[\168-\175]', -- line and paragraph separators, bidi embeddings, narrow no-break space
	'\226\129[\159-\175]', -- medium mathematical space, word joiner, bidi isolates …
	'\227\128\128', -- ideographic space
	'\239\187\191', -- byte order mark
	'\239\191[\185-\191]', -- interlinear annotation, replacement character
}

-- Whether `url` is a well-formed http(s) URL that the parser takes whole as a link.
function p.isWebUrl( url )
	local host = url:match( '^[Hh][Tt][Tt][Pp][Ss]?://([^/?#]+)' )
	if not host or url:find( URL_FORBIDDEN_ASCII ) then
		return false
	end
	for _, pattern in ipairs( URL_FORBIDDEN_UTF8 ) do
		if url:find( pattern ) then
			return false
		end
	end
	-- A host name (letters of any script, digits, dots, hyphens) and maybe a port; no user names.
	local name = host:match( '^([%w%.%-\128-\255]+):%d+$' ) or host:match( '^[%w%.%-\128-\255]+$' )
	return name ~= nil and name:find( '[%w\128-\255]' ) ~= nil
end

-- One entry of the list, decoded: an external link when it is a web URL (or
-- `[URL label]` written by hand), otherwise the text.
function p.linkEntry( text )
	local entry = trim( p.decodeReferences( text ) )
	local url, label = entry, entry
	local bracketed, named = entry:match( '^%[(%S+)%s*(.-)%]$' )
	if bracketed and p.isWebUrl( bracketed ) then
		url, label = bracketed, ( named ~= '' and named or bracketed )
	end
	if not p.isWebUrl( url ) then
		return p.escapeText( entry )
	end
	-- The parser decodes references in a URL: `&amp;` stays `&`, `&#95;` keeps `__` from being a switch.
	local href = url:gsub( '[&_~]', function ( ch )
		return '&#' .. ch:byte() .. ';'
	end )
	return '[' .. href .. ' ' .. p.escapeText( label ) .. ']'
end

-- The entries of a list as the codec reads them: the lines starting with `*`
-- when there are any, otherwise every line that is not blank.
function p.listEntries( text )
	local lines, bulleted = {}, {}
	for line in ( text .. '\n' ):gmatch( '(.-)\n' ) do
		table.insert( lines, line )
		if line:sub( 1, 1 ) == '*' then
			table.insert( bulleted, ( line:gsub( '^%*+ ?', '' ) ) )
		end
	end
	if #bulleted > 0 then
		return bulleted
	end
	local entries = {}
	for _, line in ipairs( lines ) do
		if trim( line ) ~= '' then
			table.insert( entries, line )
		end
	end
	return entries
end

-- A value as the text it stands for (for a URL: the move link's target title).
function p.decoded( frame )
	return trim( p.decodeReferences( frame.args[ 1 ] or '' ) )
end

function p.renderLinks( text )
	local items = {}
	for _, entry in ipairs( p.listEntries( text or '' ) ) do
		if trim( entry ) ~= '' then
			table.insert( items, '* ' .. p.linkEntry( entry ) )
		end
	end
	return table.concat( items, '\n' )
end

function p.links( frame )
	local text = frame.args[ 1 ] or ''
	-- Hand-written <nowiki> reaches a module as a strip marker.
	if mw and mw.text and mw.text.unstripNoWiki then
		text = mw.text.unstripNoWiki( text )
	end
	return p.renderLinks( text )
end

-- Messages -----------------------------------------------------------------
--
-- The texts of the request page are messages of [[Module:Helpdesk request/i18n.json]]
-- (`{ "en": { key: text }, "sv": … }`, from shared/pages/request-i18n/ of the
-- Helpdesk's code), looked up in the reader's language, then the request's
-- language, then English. The reader's language is {{int:helpdesk-views-lang}},
-- the pages Module:Helpdesk views uses too: MediaWiki resolves it with its
-- language fallbacks (uselang works). The English page also answers for a
-- language that has no translation; a reader whose interface does not say
-- "January" for {{int:january}} is not reading in English, and then the
-- request's language comes first. Categories are the wiki's and stay English.

p.I18N_PAGE = 'Module:Helpdesk request/i18n.json'
p.SETTINGS_PAGE = 'Content Partnerships Hub/Helpdesk/Settings.json'
p.PREFIX = 'helpdesk-request-'

p.STATUSES = {
	'submitted', 'initial-feedback', 'working-group', 'awaiting-final-go', 'approved',
	'declined', 'support-under-way', 'done', 'on-hold', 'withdrawn',
}
local IS_STATUS = {}
for _, status in ipairs( p.STATUSES ) do
	IS_STATUS[ status ] = true
end
-- Statuses at which the committee meets about the request.
p.MEETING_STATUSES = { submitted = true, [ 'initial-feedback' ] = true, [ 'working-group' ] = true, [ 'awaiting-final-go' ] = true }

-- A language code as MediaWiki writes one, or nil.
function p.languageCode( value )
	local code = type( value ) == 'string' and trim( value ):lower() or ''
	if #code > 20 or not code:match( '^[a-z][a-z][a-z0-9%-]*$' ) then
		return nil
	end
	return code
end

-- The languages to look the messages up in, those of `messages` only: the
-- reader's, the request's (each followed by its base language, `pt` for `pt-br`),
-- English last.
function p.languageChain( reader, request, messages )
	local chain, seen = {}, {}
	local function add( code )
		if code and not seen[ code ] and type( messages[ code ] ) == 'table' then
			seen[ code ] = true
			table.insert( chain, code )
		end
	end
	for _, given in ipairs( { p.languageCode( reader ) or false, p.languageCode( request ) or false } ) do
		if given then
			add( given )
			add( given:match( '^(%a+)%-' ) )
		end
	end
	add( 'en' )
	if not seen.en then
		table.insert( chain, 'en' )
	end
	return chain
end

-- The reader's language among ours, or nil when it is none of them. Whether an
-- English answer means English matters only for a request in another language.
function p.readerLanguage( frame, requestLanguage )
	local code = p.languageCode( frame:preprocess( '{{int:helpdesk-views-lang}}' ) or '' )
	local request = p.languageCode( requestLanguage )
	if code == 'en' and request and request ~= 'en' and trim( frame:preprocess( '{{int:january}}' ) or '' ) ~= 'January' then
		return nil
	end
	return code
end

-- `$1`, `$2`… of a message, each replaced once (a value's own `$2` stays).
function p.format( text, params )
	return ( text:gsub( '%$(%d+)', function ( i )
		local value = params[ tonumber( i ) ]
		return value ~= nil and tostring( value ) or ( '$' .. i )
	end ) )
end

-- Typed text as data: isolated, no markup, on one line.
function p.typed( text )
	return '<bdi>' .. mw.text.nowiki( ( tostring( text or '' ):gsub( '%c', ' ' ) ) ) .. '</bdi>'
end

local Messages = {}
Messages.__index = Messages

-- The messages for one request: `requestLanguage` is the template's `language`.
-- `reader` replaces the reader's language (for tests); `data` the messages page.
function p.messages( frame, requestLanguage, reader, data )
	local self = setmetatable( { frame = frame }, Messages )
	if data == nil then
		local ok, loaded = loadJson( p.I18N_PAGE )
		data = ok and type( loaded ) == 'table' and loaded or {}
	end
	self.data = data
	if reader == nil then
		reader = p.readerLanguage( frame, requestLanguage ) or false
	end
	self.chain = p.languageChain( reader or nil, requestLanguage, data )
	self.code = self.chain[ 1 ]
	self.language = mw.language.new( self.code )
	return self
end

-- A message's text in the first language of the chain that has it, or nil.
function Messages:raw( key )
	for _, code in ipairs( self.chain ) do
		local own = self.data[ code ]
		local text = type( own ) == 'table' and own[ p.PREFIX .. key ]
		if type( text ) == 'string' then
			return text
		end
	end
	return nil
end

function Messages:msg( key, params )
	local text = self:raw( key )
	if not text then
		return '⧼' .. p.PREFIX .. mw.text.nowiki( key ) .. '⧽'
	end
	return p.format( text, params or {} )
end

-- The label of a code known to be in p.LABELS[ set ], or nil for the English one.
function Messages:label( set, code )
	if LABEL_MESSAGES[ set ] then
		return self:raw( LABEL_MESSAGES[ set ] .. code )
	elseif set == 'working_group' then
		-- The settings name each group in some languages (Module:Helpdesk views shows the same).
		local ok, settings = loadJson( p.SETTINGS_PAGE )
		if ok and type( settings ) == 'table' and type( settings.workingGroups ) == 'table' then
			for _, group in ipairs( settings.workingGroups ) do
				if type( group ) == 'table' and group.code == code and type( group.names ) == 'table' then
					for _, language in ipairs( self.chain ) do
						local name = group.names[ language ]
						if type( name ) == 'string' and trim( name ) ~= '' then
							return p.typed( name )
						end
					end
				end
			end
		end
	end
	return nil
end

function Messages:dir()
	return self.language:isRTL() and 'rtl' or 'ltr'
end

function Messages:date( value )
	local text = trim( value or '' )
	local ok, out = pcall( function ()
		return self.language:formatDate( 'j F Y', text )
	end )
	if ok and type( out ) == 'string' and out ~= '' then
		return out
	end
	return mw.text.nowiki( text )
end

-- Arguments of an #invoke, named ones as in `frame.args` (`lang=` or the second
-- positional one is the request's language).
local function argsOf( frame )
	local args = {}
	for key, value in pairs( frame.args or {} ) do
		args[ key ] = value
	end
	return args
end

local function messagesFor( frame, language )
	local args = frame.args or {}
	return p.messages( frame, language or args.lang, args.reader )
end

-- The parameters of a message from the arguments of `msg`: `textN=` is $N as typed
-- text (escaped); the positional arguments after the key and the language are
-- wikitext and fill the other $N in order.
function p.params( args )
	local params, i, next = {}, 1, 3
	while args[ next ] ~= nil or args[ 'text' .. i ] ~= nil do
		if args[ 'text' .. i ] ~= nil then
			params[ i ] = p.typed( args[ 'text' .. i ] )
		else
			params[ i ] = args[ next ]
			next = next + 1
		end
		i = i + 1
	end
	return params
end

-- `{{#invoke:Helpdesk request|msg|key|language|$1|$2…|text1=…}}`
function p.msg( frame )
	local args = argsOf( frame )
	local messages = messagesFor( frame, args[ 2 ] )
	return messages:msg( trim( args[ 1 ] or '' ), p.params( args ) )
end

-- `lang` and `dir` of the language the texts are shown in.
function p.attrs( frame )
	local messages = messagesFor( frame, ( frame.args or {} )[ 1 ] )
	return 'lang="' .. mw.text.encode( messages.code ) .. '" dir="' .. messages:dir() .. '"'
end

function p.date( frame )
	local args = frame.args or {}
	return messagesFor( frame, args[ 2 ] ):date( args[ 1 ] )
end

-- The name of the request's language in the language shown, and its code.
function p.languageName( frame )
	local typed = trim( ( frame.args or {} )[ 1 ] or '' )
	local messages = messagesFor( frame, typed )
	local code = p.languageCode( typed )
	local name = code and mw.language.fetchLanguageName( code, messages.code ) or ''
	if name == '' and code then
		name = mw.language.fetchLanguageName( code, 'en' ) or ''
	end
	if name == '' then
		name = mw.text.nowiki( typed )
	end
	return name .. ' (<code>' .. mw.text.nowiki( typed ) .. '</code>)'
end

-- The countries' names by language and their continents:
-- `{ "countries": { "SE": { "continent": "europe", "en": "Sweden", "sv": "Sverige", … } } }`,
-- published with the module from the names the request form shows.
p.COUNTRIES_PAGE = 'Module:Helpdesk request/countries.json'

-- A country's name in the first language of the chain that has one, then in
-- English; a code that is no country's is shown as written (escaped), with no continent.
function Messages:country( code, data )
	local typed = trim( code or '' )
	local key = typed:upper()
	local entry = type( data ) == 'table' and type( data.countries ) == 'table' and key:match( '^%u%u$' ) and data.countries[ key ]
	if type( entry ) ~= 'table' then
		return p.typed( typed ), nil
	end
	local chain = {}
	for _, language in ipairs( self.chain ) do
		chain[ #chain + 1 ] = language
	end
	chain[ #chain + 1 ] = 'en'
	for _, language in ipairs( chain ) do
		local name = entry[ language ]
		if type( name ) == 'string' and trim( name ) ~= '' then
			local continent = type( entry.continent ) == 'string' and self:raw( 'continent-' .. entry.continent ) or nil
			return mw.text.nowiki( name ), continent
		end
	end
	return p.typed( typed ), nil
end

-- `{{#invoke:Helpdesk request|country|GH|lang=…}}` → Ghana, with `continent` as
-- second argument → Africa, with `both` → Ghana (Africa); `lang=` is the request's
-- language, `reader=` replaces the reader's (the views pass theirs).
function p.country( frame )
	local args = frame.args or {}
	local reader = trim( args.reader or '' )
	local messages = p.messages( frame, args.lang, reader ~= '' and reader or nil )
	local ok, data = loadJson( trim( args.countries or '' ) ~= '' and trim( args.countries ) or p.COUNTRIES_PAGE )
	local name, continent = messages:country( args[ 1 ], ok and data or nil )
	local what = trim( args[ 2 ] or '' )
	if what == 'continent' then
		return continent or ''
	elseif what == 'both' and continent then
		return name .. ' (' .. continent .. ')'
	end
	return name
end

-- The label of a status badge: the status's name, or what was written, marked.
function p.statusLabel( messages, code, written )
	if IS_STATUS[ code ] then
		return messages:msg( 'status-' .. code )
	end
	return messages:msg( 'status-unknown', { p.typed( written ) } )
end

function p.status( frame )
	local args = frame.args or {}
	return p.statusLabel( messagesFor( frame ), trim( args[ 1 ] or '' ), args[ 2 ] or '' )
end

-- The badge's tooltip, for an attribute.
function p.statusTitle( frame )
	local code = trim( ( frame.args or {} )[ 1 ] or '' )
	local messages = messagesFor( frame )
	local text = messages:msg( 'status-title-' .. ( IS_STATUS[ code ] and code or 'unknown' ) )
	return mw.text.encode( text )
end

-- The first meeting on or after `today` in the settings' `meetings`, or nil.
function p.nextMeeting( meetings, today )
	local found
	if type( meetings ) ~= 'table' then
		return nil
	end
	for _, date in ipairs( meetings ) do
		if type( date ) == 'string' and date:match( '^%d%d%d%d%-%d%d%-%d%d$' ) and date >= today and ( not found or date < found ) then
			found = date
		end
	end
	return found
end

local function today( frame )
	local given = trim( ( frame.args or {} ).today or '' )
	if given:match( '^%d%d%d%d%-%d%d%-%d%d$' ) then
		return given
	end
	-- Through the parser, so that the page is rendered again the next day.
	local ok, date = pcall( function ()
		return trim( frame:preprocess( '{{CURRENTYEAR}}-{{CURRENTMONTH}}-{{CURRENTDAY2}}' ) )
	end )
	return ok and date:match( '^%d%d%d%d%-%d%d%-%d%d$' ) and date or os.date( '!%Y-%m-%d' )
end

-- The "What happens next" box of a request with the status `code` (normalised).
function p.renderNext( messages, code, meeting )
	local status = IS_STATUS[ code ] and code or 'unknown'
	local box = mw.html.create( 'div' ):addClass( 'helpdesk-request-next' ):attr( 'role', 'note' )
		:attr( 'data-status', status )
		:css( 'padding', '0.3em 0.8em 0.6em' ):css( 'border-top', '1px solid var(--border-color-subtle, #c8ccd1)' )
	box:tag( 'div' ):addClass( 'helpdesk-request-next-heading' ):css( 'margin', '0.3em 0' ):css( 'font-weight', 'bold' )
		:wikitext( messages:msg( 'next-heading' ) )
	box:tag( 'p' ):addClass( 'helpdesk-request-next-committee' ):css( 'margin', '0.3em 0' )
		:wikitext( messages:msg( 'next-committee-' .. status ) )
	if meeting and p.MEETING_STATUSES[ status ] then
		box:tag( 'p' ):addClass( 'helpdesk-request-next-meeting' ):css( 'margin', '0.3em 0' ):attr( 'data-date', meeting )
			:wikitext( messages:msg( 'next-meeting', { messages:date( meeting ) } ) )
	end
	box:tag( 'p' ):addClass( 'helpdesk-request-next-requester' ):css( 'margin', '0.3em 0' )
		:wikitext( messages:msg( 'next-requester-' .. status ) )
	return tostring( box )
end

-- Routing hints ---------------------------------------------------------------

-- The bot's suggestions for the requests awaiting the committee, by page:
-- `{ "requests": { PAGE: { "group": { "code", "why" }, "people": [ { "user", "why", "text" } ], "none": [ { "code", "params", "text" } ] } } }`.
p.ROUTING_PAGE = 'Content Partnerships Hub/Helpdesk/Routing.json'
p.VOLUNTEERS_PAGE = 'Content Partnerships Hub/Helpdesk/Volunteers'
-- Statuses at which the request waits on the committee, which the hints help.
p.COMMITTEE_STATUSES = { submitted = true, [ 'initial-feedback' ] = true, [ 'awaiting-final-go' ] = true }

local function isCode( value )
	return type( value ) == 'string' and value:match( '^[%w][%w%-]*$' ) ~= nil and #value <= 40
end

-- A user name as a link to the user page, or as text when it could not be one.
function p.userLink( name )
	if type( name ) ~= 'string' or trim( name ) == '' then
		return ''
	end
	if #name > 255 or name:find( '[%[%]{}|<>#%%/&%c]' ) or name:find( '^[%s:]' ) then
		return p.typed( name )
	end
	return '[[User:' .. name .. '|' .. mw.text.nowiki( name ) .. ']]'
end

-- One parameter of a reason in the reader's language: a kind of support, a working
-- group, a language, a country or a continent; anything else as text.
function Messages:routingParam( code, value, countries )
	if not isCode( value ) then
		return p.typed( value )
	end
	if code == 'support' then
		return self:label( 'support', value ) or p.LABELS.support[ value ] or p.typed( value )
	elseif code == 'group' then
		return self:label( 'working_group', value ) or p.LABELS.working_group[ value ] or p.typed( value )
	elseif code == 'language' then
		local name = p.languageCode( value ) and mw.language.fetchLanguageName( value, self.code ) or ''
		return name ~= '' and mw.text.nowiki( name ) or p.typed( value )
	elseif code == 'country' then
		return ( self:country( value, countries ) )
	elseif code == 'continent' then
		return self:raw( 'continent-' .. value ) or p.typed( value )
	end
	return p.typed( value )
end

-- What the parameters of each reason for suggesting nobody are.
local NONE_PARAMS = { [ 'no-group' ] = 'support', [ 'no-area' ] = 'support' }

-- A reason (`{ "code", "params" }`) in the reader's language, or nil when it has no message for it.
function Messages:routingReason( prefix, reason, countries )
	if type( reason ) ~= 'table' or not isCode( reason.code ) then
		return nil
	end
	local text = self:raw( prefix .. reason.code )
	local kind = prefix == 'routing-why-' and reason.code or NONE_PARAMS[ reason.code ]
	local shown = {}
	for _, value in ipairs( type( reason.params ) == 'table' and reason.params or {} ) do
		shown[ #shown + 1 ] = kind and self:routingParam( kind, value, countries ) or p.typed( value )
	end
	if not text or ( text:find( '%$1' ) and #shown == 0 ) then
		return nil
	end
	return p.format( text, { table.concat( shown, ', ' ) } )
end

-- Every reason of a list in the reader's language, or the English `fallback` when one is missing.
function Messages:routingReasons( reasons, fallback, countries )
	local shown = {}
	for _, reason in ipairs( type( reasons ) == 'table' and reasons or {} ) do
		local text = self:routingReason( 'routing-why-', reason, countries )
		if not text then
			return p.typed( fallback )
		end
		shown[ #shown + 1 ] = text
	end
	return #shown > 0 and table.concat( shown, '; ' ) or p.typed( fallback )
end

-- The note with the routing hint of one request (a table of Routing.json), or ''.
function p.renderRouting( messages, hint, countries )
	if type( hint ) ~= 'table' then
		return ''
	end
	local box = mw.html.create( 'div' ):addClass( 'helpdesk-request-routing' ):attr( 'role', 'note' )
		:css( 'padding', '0.3em 0.8em 0.6em' ):css( 'border-top', '1px solid var(--border-color-subtle, #c8ccd1)' )
	box:tag( 'div' ):addClass( 'helpdesk-request-routing-heading' ):css( 'margin', '0.3em 0' ):css( 'font-weight', 'bold' )
		:wikitext( messages:msg( 'routing-heading' ) )
	box:tag( 'p' ):addClass( 'helpdesk-request-routing-intro' ):css( 'margin', '0.3em 0' )
		:wikitext( messages:msg( 'routing-intro', { p.VOLUNTEERS_PAGE } ) )
	local group = hint.group
	if type( group ) == 'table' and isCode( group.code ) then
		box:tag( 'p' ):addClass( 'helpdesk-request-routing-group' ):attr( 'data-group', group.code ):css( 'margin', '0.3em 0' )
			:wikitext( messages:msg( 'routing-group', { messages:routingParam( 'group', group.code, countries ),
				messages:routingReasons( group.why, group.text, countries ) } ) )
	end
	local people = {}
	for _, person in ipairs( type( hint.people ) == 'table' and hint.people or {} ) do
		if type( person ) == 'table' and p.userLink( person.user ) ~= '' then
			people[ #people + 1 ] = '<li class="helpdesk-request-routing-person">' .. p.userLink( person.user ) .. ': ' ..
				messages:routingReasons( person.why, person.text, countries ) .. '</li>'
		end
	end
	if #people > 0 then
		box:tag( 'ul' ):addClass( 'helpdesk-request-routing-people' ):css( 'margin', '0.3em 0 0.3em 1.6em' ):wikitext( table.concat( people, '\n' ) )
	end
	for _, none in ipairs( type( hint.none ) == 'table' and hint.none or {} ) do
		if type( none ) == 'table' then
			box:tag( 'p' ):addClass( 'helpdesk-request-routing-none' ):attr( 'data-code', isCode( none.code ) and none.code or nil )
				:css( 'margin', '0.3em 0' ):wikitext( messages:routingReason( 'routing-none-', none, countries ) or p.typed( none.text ) )
		end
	end
	return tostring( box )
end

-- The note of the request page `page` with the status `code`: only while it awaits
-- the committee and Routing.json (`routingTitle`) has a hint for it.
function p.routingNote( messages, code, page, routingTitle, countriesTitle )
	if not p.COMMITTEE_STATUSES[ code ] or trim( page or '' ) == '' then
		return ''
	end
	local ok, data = loadJson( routingTitle or p.ROUTING_PAGE )
	local hint = ok and type( data ) == 'table' and type( data.requests ) == 'table' and data.requests[ page ]
	if type( hint ) ~= 'table' then
		return ''
	end
	local loaded, countries = loadJson( countriesTitle or p.COUNTRIES_PAGE )
	return p.renderRouting( messages, hint, loaded and countries or nil )
end

-- `{{#invoke:Helpdesk request|next|code|language}}` (`page=` and `routing=` for tests)
function p.next( frame )
	local args = frame.args or {}
	local messages = messagesFor( frame, args[ 2 ] )
	local settingsTitle = trim( args.settings or '' ) ~= '' and trim( args.settings ) or p.SETTINGS_PAGE
	local ok, settings = loadJson( settingsTitle )
	local meeting = ok and type( settings ) == 'table' and p.nextMeeting( settings.meetings, today( frame ) ) or nil
	local code = trim( args[ 1 ] or '' )
	local page = trim( args.page or '' )
	if page == '' and p.COMMITTEE_STATUSES[ code ] then
		local found, current = pcall( function ()
			return mw.title.getCurrentTitle().prefixedText
		end )
		page = found and type( current ) == 'string' and current or ''
	end
	local routing = trim( args.routing or '' ) ~= '' and trim( args.routing ) or nil
	return p.renderNext( messages, code, meeting ) .. p.routingNote( messages, code, page, routing )
end

-- `{{#invoke:Helpdesk request|verdict|rating=…|comment=…|user=…}}` (Template:Helpdesk
-- verdict): the requester's verdict in the reader's language, the rating as stars
-- and in words, the comment (escaped by the form) as the text it stands for.
function p.verdict( frame )
	local args = frame.args or {}
	local messages = messagesFor( frame, nil )
	local rating = tonumber( trim( args.rating or '' ) )
	if not rating or rating ~= math.floor( rating ) or rating < 1 or rating > 5 then
		rating = nil
	end
	local box = mw.html.create( 'span' ):addClass( 'helpdesk-verdict notheme' )
		:attr( 'data-rating', rating and tostring( rating ) or '' )
		:css( 'display', 'inline-block' ):css( 'margin', '0.1em 0' ):css( 'padding', '0.1em 0.6em' )
		:css( 'border', '1px solid #a2a9b1' ):css( 'border-radius', '2px' ):css( 'background-color', '#f8f9fa' ):css( 'color', '#202122' )
	box:wikitext( messages:msg( 'verdict-label' ) .. ' ' )
	if rating then
		box:tag( 'span' ):attr( 'aria-hidden', 'true' ):addClass( 'helpdesk-verdict-stars' ):css( 'color', '#a66200' )
			:wikitext( string.rep( '★', rating ) .. string.rep( '☆', 5 - rating ) )
		box:wikitext( ' ' .. messages:msg( 'verdict-rating', { tostring( rating ) } ) )
	else
		box:wikitext( messages:msg( 'verdict-no-rating' ) )
	end
	local comment = trim( p.decodeReferences( args.comment or '' ) )
	if comment ~= '' then
		box:wikitext( ' — ' .. messages:msg( 'signoff-quote', { p.typed( comment ) } ) )
	end
	local user = trim( p.decodeReferences( args.user or '' ) )
	if user ~= '' then
		box:wikitext( ' — ' .. p.userLink( user ) )
	end
	return tostring( box )
end

-- Outcomes -----------------------------------------------------------------
--
-- `{{#invoke:Helpdesk request|outcomes|{{{language|}}}|category=…|items=…|query=…|pages=…}}`
-- (`page=` and `impact=` for tests): the box "Outcomes" of a request in support or
-- done, with what the requester or the staff added (each value checked: a category
-- name, item ids, http(s) links; anything else shown as text, marked) and the
-- figures the Helpdesk bot counted on [[Content Partnerships Hub/Helpdesk/Impact.json]].

p.IMPACT_PAGE = 'Content Partnerships Hub/Helpdesk/Impact.json'
p.COMMONS_URL = 'https://commons.wikimedia.org/wiki/'
p.WIKIDATA_URL = 'https://www.wikidata.org/wiki/'

-- The category's name without `Category:`, or nil when it cannot be one (as the bot reads it).
function p.categoryName( typed )
	local text = p.decodeReferences( typed or '' )
	if text:find( '[#<>%[%]{}|%c]' ) then
		return nil
	end
	local name = trim( ( text:gsub( '^[%s_]*[Cc][Aa][Tt][Ee][Gg][Oo][Rr][Yy][%s_]*:', '' ):gsub( '[%s_]+', ' ' ) ) )
	return name ~= '' and name or nil
end

-- A Wikidata item id, or nil.
function p.itemId( typed )
	local id = trim( p.decodeReferences( typed or '' ) )
	return id:match( '^Q[1-9]%d*$' ) and #id <= 20 and id or nil
end

-- A title as a wiki's URLs write it: `_` for spaces, other characters percent-encoded.
function p.wikiUrlTitle( name )
	return ( name:gsub( ' ', '_' ):gsub( '[^%w%-%._~:/%(%)!,]', function ( ch )
		return string.format( '%%%02X', ch:byte() )
	end ) )
end

-- A URL written as an external link, its special characters as references.
local function externalLink( url, label )
	local href = url:gsub( '[&_~%[%]{}|<>" \']', function ( ch )
		return '&#' .. ch:byte() .. ';'
	end )
	return '[' .. href .. ' ' .. label .. ']'
end

function Messages:notUnderstood( typed )
	return p.typed( typed ) .. ' <span class="helpdesk-request-outcome-unknown">' .. self:msg( 'outcomes-not-understood' ) .. '</span>'
end

-- A count from the data page, or nil.
local function count( value )
	return type( value ) == 'number' and value >= 0 and value == math.floor( value ) and value or nil
end

-- `{{PLURAL:$n|…}}` of a message, for the counts.
function Messages:counted( key, numbers )
	local text = self:raw( key )
	if not text then
		return self:msg( key )
	end
	text = text:gsub( '{{PLURAL:%s*%$(%d)%s*|(.-)}}', function ( i, forms )
		return self.language:plural( numbers[ tonumber( i ) ] or 0, mw.text.split( forms, '|', true ) )
	end )
	local shown = {}
	for i, n in ipairs( numbers ) do
		shown[ i ] = self.language:formatNum( n )
	end
	return p.format( text, shown )
end

-- The box: `typed` holds the four parameters as on the page; `entry` the bot's figures (a table of Impact.json) or nil.
function p.renderOutcomes( messages, typed, entry )
	local rows = {}
	local function row( key, class, value )
		rows[ #rows + 1 ] = '<tr class="' .. class .. '"><th scope="row" style="width:30%; padding:0.3em 0.8em; text-align:start; vertical-align:top;">' ..
			messages:msg( key ) .. '</th><td style="padding:0.3em 0.8em; vertical-align:top;">' .. value .. '</td></tr>'
	end
	entry = type( entry ) == 'table' and entry or {}
	local category = trim( typed.category or '' )
	if category ~= '' then
		local name = p.categoryName( category )
		row( 'outcomes-category', 'helpdesk-request-outcome-category', name and
			'<span class="plainlinks">' .. externalLink( p.COMMONS_URL .. 'Category:' .. p.wikiUrlTitle( name ), p.typed( name ) ) .. '</span>' or
			messages:notUnderstood( p.decodeReferences( category ) ) )
		local files = count( entry.files )
		if name and files then
			local shown = messages:counted( entry.filesCut == true and 'outcomes-files-cut' or 'outcomes-files-count', { files, count( entry.subcategories ) or 0 } )
			row( 'outcomes-files', 'helpdesk-request-outcome-files', shown )
			local pages, wikis = count( entry.usagePages ), count( entry.usageWikis )
			if entry.usage == 'global' and pages then
				row( 'outcomes-usage', 'helpdesk-request-outcome-usage', messages:counted( 'outcomes-usage-global', { pages, wikis or 0 } ) )
			elseif entry.usage == 'same-wiki' and pages then
				row( 'outcomes-usage', 'helpdesk-request-outcome-usage', messages:counted( 'outcomes-usage-same-wiki', { pages } ) )
			elseif entry.usage == 'not-available' then
				row( 'outcomes-usage', 'helpdesk-request-outcome-usage', messages:msg( 'outcomes-usage-not-available' ) )
			end
		end
	end
	local items = {}
	local listed = 0
	for _, typedItem in ipairs( p.outcomeIds( typed.items or '' ) ) do
		local id = p.itemId( typedItem )
		listed = listed + ( id and 1 or 0 )
		items[ #items + 1 ] = id and '<span class="plainlinks">' .. externalLink( p.WIKIDATA_URL .. id, id ) .. '</span>' or messages:notUnderstood( p.decodeReferences( typedItem ) )
	end
	if #items > 0 then
		local exist = count( entry.items )
		local value = table.concat( items, ', ' )
		if exist and count( entry.itemsListed ) == listed then
			value = value .. '<br /><span class="helpdesk-request-outcome-items-count">' .. messages:counted( 'outcomes-items-count', { exist, listed } ) .. '</span>'
		end
		row( 'outcomes-items', 'helpdesk-request-outcome-items', value )
	end
	local query = trim( p.decodeReferences( typed.query or '' ) )
	if query ~= '' then
		row( 'outcomes-query', 'helpdesk-request-outcome-query', p.isWebUrl( query ) and
			'<span class="plainlinks">' .. externalLink( query, messages:msg( 'outcomes-query-link' ) ) .. '</span>' or messages:notUnderstood( query ) )
	end
	local pages = {}
	for _, page in ipairs( p.listEntries( typed.pages or '' ) ) do
		if trim( page ) ~= '' then
			pages[ #pages + 1 ] = '<li>' .. p.linkEntry( page ) .. '</li>'
		end
	end
	if #pages > 0 then
		row( 'outcomes-pages', 'helpdesk-request-outcome-pages', '<ul style="margin:0 0 0 1.2em;">' .. table.concat( pages, '' ) .. '</ul>' )
	end
	if #rows == 0 then
		return ''
	end
	local notes = {}
	local checked = type( entry.checked ) == 'string' and entry.checked:match( '^%d%d%d%d%-%d%d%-%d%d' ) and entry.checked or nil
	if checked then
		notes[ #notes + 1 ] = messages:msg( 'outcomes-checked', { messages:date( checked:sub( 1, 10 ) ) } )
	elseif category ~= '' or #items > 0 then
		notes[ #notes + 1 ] = messages:msg( 'outcomes-not-checked' )
	end
	for _, problem in ipairs( type( entry.problems ) == 'table' and entry.problems or {} ) do
		local code = type( problem ) == 'table' and problem.code
		if code == 'impact-commons-failed' or code == 'impact-wikidata-failed' then
			notes[ #notes + 1 ] = messages:msg( code == 'impact-commons-failed' and 'outcomes-commons-failed' or 'outcomes-wikidata-failed' )
		elseif code == 'impact-missing-category' then
			notes[ #notes + 1 ] = messages:msg( 'outcomes-missing-category' )
		end
	end
	local box = mw.html.create( 'div' ):addClass( 'helpdesk-request-outcomes' )
		:css( 'padding', '0.3em 0 0.6em' ):css( 'border-top', '1px solid var(--border-color-subtle, #c8ccd1)' )
	box:tag( 'div' ):addClass( 'helpdesk-request-outcomes-heading' ):css( 'margin', '0.3em 0.8em' ):css( 'font-weight', 'bold' )
		:wikitext( messages:msg( 'outcomes-heading' ) )
	box:wikitext( '<table class="helpdesk-request-outcomes-fields" style="width:100%; margin:0; border-collapse:collapse; overflow-wrap:anywhere; ' ..
		'background-color:transparent; color:inherit;">' .. table.concat( rows, '' ) .. '</table>' )
	for _, note in ipairs( notes ) do
		box:tag( 'p' ):addClass( 'helpdesk-request-outcomes-note' ):css( 'margin', '0.3em 0.8em' ):wikitext( note )
	end
	return tostring( box )
end

-- Item ids as the codec reads them: list entries, also split at spaces, commas and semicolons.
function p.outcomeIds( text )
	local ids = {}
	for _, entry in ipairs( p.listEntries( text or '' ) ) do
		for id in p.decodeReferences( entry ):gmatch( '[^%s,;]+' ) do
			ids[ #ids + 1 ] = id
		end
	end
	return ids
end

function p.outcomes( frame )
	local args = frame.args or {}
	local messages = messagesFor( frame, args[ 1 ] )
	local typed = {}
	for _, name in ipairs( { 'category', 'items', 'query', 'pages' } ) do
		-- Hand-written <nowiki> reaches a module as a strip marker.
		local ok, value = pcall( mw.text.unstripNoWiki, args[ name ] or '' )
		typed[ name ] = ok and type( value ) == 'string' and value or ( args[ name ] or '' )
	end
	local page = trim( args.page or '' )
	if page == '' then
		local found, current = pcall( function ()
			return mw.title.getCurrentTitle().prefixedText
		end )
		page = found and type( current ) == 'string' and current or ''
	end
	local impactTitle = trim( args.impact or '' ) ~= '' and trim( args.impact ) or p.IMPACT_PAGE
	local ok, data = loadJson( impactTitle )
	local entry
	if ok and type( data ) == 'table' and type( data.requests ) == 'table' then
		for _, candidate in ipairs( data.requests ) do
			if type( candidate ) == 'table' and candidate.page == page then
				entry = candidate
				break
			end
		end
	end
	return p.renderOutcomes( messages, typed, entry )
end

return p
