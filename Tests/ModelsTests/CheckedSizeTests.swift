import Testing
import Autograd
@testable import Models

@Suite struct CheckedSizeTests {
    @Test func productsAndSumsBeyondIntAreErrorsNamingTheModel() throws {
        #expect(try CheckedSize.product([28, 28], component: "VAE", what: "the pixel count") == 784)
        #expect(try CheckedSize.sum([20, 10], component: "ConditionalVAE", what: "the decoder's input width") == 30)
        #expect(throws: ModelsError.invalidConfiguration(
            component: "VAE", reason: "the pixel count (4 × 9223372036854775807) is more than an Int can count")) {
            try CheckedSize.product([4, Int.max], component: "VAE", what: "the pixel count")
        }
        #expect(throws: ModelsError.invalidConfiguration(
            component: "ConditionalVAE", reason: "the decoder's input width (2 + 9223372036854775807) is more than an Int can count")) {
            try CheckedSize.sum([2, Int.max], component: "ConditionalVAE", what: "the decoder's input width")
        }
    }

    /// Each of these stopped the process (an overflow trap, a failed allocation, or a loop allocating block after
    /// block) before sizes were checked.
    @Test func modelsTooLargeForMemoryOrForAnIntAreErrors() {
        let configurations: [(name: String, make: () throws -> Any)] = [
            ("MultiVAE items", { try MultiVAE(items: 1 << 40, hidden: 4, latent: 2) }),
            ("MultiVAE latent", { try MultiVAE(items: 10, hidden: 4, latent: Int.max) }),
            ("MultiDAE hidden", { try MultiDAE(items: 10, hidden: Int.max, latent: 28) }),
            ("RecVAE latent", { try RecVAE(items: 10, hidden: 2, latent: Int.max) }),
            ("AutoRec users", { try AutoRec(users: 1 << 40, items: 10, hidden: 4) }),
            ("VAE width", { try VAE(imageHeight: 4, imageWidth: Int.max, latent: 2) }),
            ("VAE latent", { try VAE(imageHeight: 2, imageWidth: 4, latent: Int.max, architecture: .multilayerPerceptron(hidden: 1)) }),
            ("convolutional VAE", { try VAE(imageHeight: 1 << 32, imageWidth: 1 << 32, latent: 2, architecture: .convolutional) }),
            ("ConditionalVAE classes", { try ConditionalVAE(imageHeight: 4, imageWidth: 4, classCount: Int.max, latent: 2, hidden: 5) }),
            ("ConditionalVAE height", { try ConditionalVAE(imageHeight: 1 << 40, imageWidth: 4, classCount: 3, latent: 2, hidden: 5) }),
            ("VQVAE codes", { try VQVAE(imageHeight: 8, imageWidth: 8, codeCount: 1 << 40, codeDimension: 2) }),
            ("VQVAE blocks", { try VQVAE(imageHeight: 8, imageWidth: 8, residualBlocks: 1 << 40) }),
            ("AdversarialAutoencoder width", {
                try AdversarialAutoencoder(imageHeight: 4, imageWidth: Int.max, latent: 2, hidden: [3], discriminatorHidden: [2])
            }),
        ]
        for configuration in configurations {
            let error = #expect(throws: (any Error).self, Comment(rawValue: configuration.name)) { _ = try configuration.make() }
            #expect(error is AutogradError || error is ModelsError, Comment(rawValue: "\(configuration.name): \(String(describing: error))"))
        }
    }
}
