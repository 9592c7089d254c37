import TacoCore

/// Turns the JSON shapes of the AWS Price List (a product; the terms of one SKU) into `OfferItem`s.
enum OfferJSONItems {
    /// A product's attributes by normalised name, `productfamily` included.
    static func attributes(_ product: JSONValue) -> [String: String] {
        var attributes: [String: String] = [:]
        for (name, value) in product["attributes"]?.members ?? [:] {
            if let text = value.text { attributes[OfferItem.normalise(name)] = text }
        }
        if let family = product["productFamily"]?.text { attributes["productfamily"] = family }
        return attributes
    }

    /// The Price List offer a product belongs to, from its `servicecode` attribute or the file's offer code.
    static func offer(_ attributes: [String: String], fileOffer: String) -> PlannerSelection.Offer? {
        PlannerSelection.Offer(rawValue: attributes["servicecode"] ?? "") ?? PlannerSelection.Offer(rawValue: fileOffer)
    }

    /// One item per price dimension of every term in `termsOfSKU` (`{"<sku>.<code>": {priceDimensions…}}`).
    /// The term type comes from the term's attributes (a lease length means Reserved) rather than the key it sits
    /// under, because some published fragments file reserved terms under `OnDemand`.
    static func items(sku: String, attributes: [String: String], termType: String, termsOfSKU: JSONValue) -> [OfferItem]
    {
        var items: [OfferItem] = []
        for (_, term) in termsOfSKU.members.sorted(by: { $0.key < $1.key }) {
            let termAttributes = term["termAttributes"]?.members ?? [:]
            for (_, dimension) in (term["priceDimensions"]?.members ?? [:]).sorted(by: { $0.key < $1.key }) {
                var item = OfferItem()
                item.sku = sku
                item.attributes = attributes
                item.leaseLength = termAttributes["LeaseContractLength"]?.text ?? ""
                item.purchaseOption = termAttributes["PurchaseOption"]?.text ?? ""
                item.offeringClass = termAttributes["OfferingClass"]?.text ?? ""
                item.termType = item.leaseLength.isEmpty ? "OnDemand" : "Reserved"
                if termType != "OnDemand" && termType != "Reserved" { item.termType = termType }
                item.effectiveDate = term["effectiveDate"]?.text ?? ""
                item.unit = dimension["unit"]?.text ?? ""
                item.beginRange = dimension["beginRange"]?.text ?? ""
                item.endRange = dimension["endRange"]?.text ?? ""
                if let usd = dimension["pricePerUnit"]?["USD"]?.text {
                    item.usd = usd
                    item.currency = "USD"
                } else {
                    item.currency = dimension["pricePerUnit"]?.members.keys.sorted().first ?? ""
                }
                items.append(item)
            }
        }
        return items
    }

    /// A self-contained item (`{"product": …, "terms": {"OnDemand": {…}, "Reserved": {…}}, "version": …}`), as in
    /// get-products elements and SKU-keyed offer files: every price row and spec it yields.
    static func importItem(
        _ value: JSONValue, fileName: String, fileOffer: String, version: String, publication: String,
        session: ImportSession
    ) throws -> Bool {
        guard let product = value["product"], let terms = value["terms"] else { return false }
        let attributes = attributes(product)
        let sku = product["sku"]?.text ?? ""
        let offerCode = value["serviceCode"]?.text ?? attributes["servicecode"] ?? fileOffer
        let provenance = Provenance(
            fileName: fileName, offerCode: offerCode, version: value["version"]?.text ?? version,
            publication: value["publicationDate"]?.text ?? publication)
        let offer = offer(attributes, fileOffer: offerCode)
        // Here `terms` maps term type → "<sku>.<code>" → term: there is no SKU level as in bulk offers.
        for (termType, termsOfSKU) in terms.members.sorted(by: { $0.key < $1.key }) {
            for item in items(sku: sku, attributes: attributes, termType: termType, termsOfSKU: termsOfSKU) {
                session.rowsSeen += 1
                guard let offer else { continue }
                let selection = PlannerSelection(
                    offer: offer, includeDynamoDBExtras: session.options.includeDynamoDBExtras)
                try session.offer(item, selection, provenance)
            }
        }
        return true
    }
}
