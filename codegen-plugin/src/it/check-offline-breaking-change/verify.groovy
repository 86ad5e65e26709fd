def log = new File(basedir, 'build.log').text
assert log.contains('customer: BREAKING against customer@1.0')
assert log.contains('BREAKING REQUIRED_PROPERTY_ADDED at /required/4')
assert log.contains('witness {')
assert log.contains('breaking changes in customer')
def report = new File(basedir, 'target/canonical-check/TEST-canonical-check.xml')
assert report.isFile()
assert report.text.contains('tests="1" failures="1"')
return true
