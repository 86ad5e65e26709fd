def log = new File(basedir, 'build.log').text
assert log.contains('canonical.lock.json is malformed JSON')
return true
