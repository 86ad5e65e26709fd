def log = new File(basedir, 'build.log').text
assert log.contains('answered 404 while reading warehouse@1.latest')
assert !new File(basedir, 'canonical.lock.json').exists()
return true
