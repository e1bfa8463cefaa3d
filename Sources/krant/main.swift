import Foundation
print(Bundle.module.url(forResource: "articles", withExtension: nil) as Any)
