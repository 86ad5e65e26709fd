def log = new File(basedir, 'build.log').text
assert log.contains('shop.schema.json: KEYWORD_OUTSIDE_PROFILE at pointer \'/properties/contact/anyOf\'')
return true
