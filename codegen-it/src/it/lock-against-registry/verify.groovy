import groovy.json.JsonSlurper
def lock = new JsonSlurper().parse(new File(basedir, 'canonical.lock.json'))
assert lock.lockFormat == 1
assert lock.selections == ['invoice@1']
assert lock.schemas*.entity == ['customer', 'invoice', 'order', 'product']
assert lock.schemas.every { it.version == '1.0' && it.globalId > 0 && it.fingerprint ==~ /[0-9a-f]{64}/ && it.state == 'PUBLISHED' }
def customerId = lock.schemas.find { it.entity == 'customer' }.globalId
def loader = new URLClassLoader([new File(basedir, 'target/classes').toURI().toURL()] as URL[], this.class.classLoader)
assert loader.loadClass('it.UseRecords').describe() == "ACME en card customer@1.0 id ${customerId}".toString()
def log = new File(basedir, 'build.log').text
assert log.contains('Wrote ' + new File(basedir, 'canonical.lock.json').path + ' (4 schema versions)')
return true
