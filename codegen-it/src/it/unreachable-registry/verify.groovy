def log = new File(basedir, 'build.log').text
assert log.contains('registry http://127.0.0.1:9 is unreachable')
assert log.contains('while reading invoice@1.latest')
assert !new File(basedir, 'canonical.lock.json').exists()
return true
