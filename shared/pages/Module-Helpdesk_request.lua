-- Readable labels for the codes on a Helpdesk request page (kinds of support,
-- stage of the partnership, target projects, working group), for
-- [[Template:Helpdesk request]]. Wikitext alone cannot split the comma-separated
-- code lists that the request form writes, hence this module.
--
-- The codes are those of the request form and the Helpdesk bot; a code added
-- there needs a label here. The labels are the form's English ones, so that a
-- request reads as it was filed.
--
--   {{#invoke:Helpdesk request|labels|support|mass-upload, copyright}}
--     → Mass upload of media files, Copyright and licensing
--   {{#invoke:Helpdesk request|labels|stage|content-ready}}
--     → Content ready
--   {{#invoke:Helpdesk request|labels|working_group|project planning}}
--     → Project planning and feedback
--   {{#invoke:Helpdesk request|lines|{{{description}}}}}
--     → the text with its line breaks kept

local p = {}

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
local function unknown( typed )
	return '<span class="helpdesk-unknown-code" title="Not a code the Helpdesk knows">'
		.. mw.text.nowiki( typed ) .. ' (?)</span>'
end

-- Labels of the codes in `text`, in the order written, each once.
function p.render( set, text )
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
				table.insert( shown, labels[ code ] or unknown( trim( typed ) ) )
			end
		end
	end
	return table.concat( shown, ', ' )
end

function p.labels( frame )
	return p.render( trim( frame.args[ 1 ] or '' ), frame.args[ 2 ] )
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

return p
